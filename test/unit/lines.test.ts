import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, stripBom } from '../../server/src/core/text/lines';

describe('LineIndex', () => {
  it('maps offsets to positions across LF, CRLF and lone CR line endings', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.position(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(lines.position(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(lines.position(text.indexOf('h')), { line: 3, character: 1 });
    assert.equal(lines.offset(3, 1), text.indexOf('h'));
  });

  it('clamps positions past the end instead of throwing', () => {
    const lines = new LineIndex('one\ntwo');
    assert.equal(lines.offset(99, 0), 7);
    assert.equal(lines.offset(0, 99), 4);
    assert.deepEqual(lines.position(1000), { line: 1, character: 3 });
  });

  it('strips a leading byte-order mark only', () => {
    assert.equal(stripBom('\uFEFFhello'), 'hello');
    assert.equal(stripBom('hel\uFEFFlo'), 'hel\uFEFFlo');
  });
});
