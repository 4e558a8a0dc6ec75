import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analysedPart } from '../../server/src/core/text/limit';

describe('the analysed part of a long text', () => {
  it('is the whole text when it fits', () => {
    assert.equal(analysedPart('short', 1000), 'short');
  });

  it('ends after a line break, else after a space, else at the cap', () => {
    const para = 'a'.repeat(700) + '\n' + 'b'.repeat(700);
    assert.equal(analysedPart(para, 1000), 'a'.repeat(700) + '\n');
    const line = 'word '.repeat(400);
    assert.equal(analysedPart(line, 1000), 'word '.repeat(200));
    assert.equal(analysedPart('x'.repeat(5000), 1000), 'x'.repeat(1000));
  });

  it('never splits a surrogate pair, and is a prefix of at most the cap', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('😀', 'a', ' ', '\n', 'é'), minLength: 0, maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const part = analysedPart(text, max);
        assert.ok(text.startsWith(part) && part.length <= max);
        if (text.length > max) assert.ok(part.length >= max / 2 - 1);
        const last = part.charCodeAt(part.length - 1);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'no lone high surrogate at the end');
      }),
    );
  });
});
