import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes, quoteInner } from '../../server/src/core/quotes/find';
import { segmentParagraphs, segmentSentences } from '../../server/src/core/text/segment';

function quotes(text: string) {
  const ps = segmentParagraphs(text);
  return findQuotes(text, ps, segmentSentences(text, ps));
}

describe('quotes', () => {
  it('finds curly and straight double quotes, with the single quotes inside them', () => {
    const text = '“He said ‘never’ twice,” Sanders said. "We are open to it," she added.';
    assert.deepEqual(
      quotes(text).map((q) => q.text),
      ['“He said ‘never’ twice,”', '"We are open to it,"'],
    );
  });

  it('never takes an apostrophe for a quote mark', () => {
    const text = 'Trump’s letter and the leaders’ summit in the ’90s style didn’t help, Kim’s aides said.';
    assert.deepEqual(quotes(text), []);
  });

  it('reads single quotes on their own, as British papers print speech', () => {
    const text = 'Sanders said the parade was ‘a sign of good faith’ on Monday.';
    assert.deepEqual(quotes(text).map(quoteInner), ['a sign of good faith']);
  });

  it('joins a quote that runs on into the next paragraph opened by a repeated mark', () => {
    const text = '“The letter was warm. We are open to a meeting.\n\n“It will happen soon,” Sanders said.';
    const qs = quotes(text);
    assert.equal(qs.length, 1);
    assert.equal(qs[0].start, 0);
    assert.equal(qs[0].end, text.indexOf(' Sanders'));
  });

  it('stops an unclosed quote at the end of its paragraph', () => {
    const text = 'He called it “a disaster and left.\n\nThe next paragraph says nothing quoted.';
    const qs = quotes(text);
    assert.equal(qs.length, 1);
    assert.equal(qs[0].end, text.indexOf('\n'));
  });

  it('pairs flipped marks in order (Kim Jong-un, “said … was” important “that)', () => {
    const text = '“In the end, decisions will go through Kim Jong-un, “said Sarah Sanders, saying it was” important “that a summit be held.';
    const qs = quotes(text);
    assert.deepEqual(qs.map(quoteInner), ['In the end, decisions will go through Kim Jong-un,', 'important']);
  });

  it('reads doubled apostrophes as quote marks', () => {
    const text = "''Quiet,'' Bush said.";
    assert.deepEqual(quotes(text).map(quoteInner), ['Quiet,']);
  });

  it('tells full speech, partial quotes and scare quotes apart', () => {
    const text =
      '“It was a very warm, very positive letter,” Sanders said. She called the parade “a sign of good faith” because it had no missiles. ' +
      'Kim is committed to the “denuclearization” of the peninsula.';
    const kinds = Object.fromEntries(quotes(text).map((q) => [quoteInner(q), q.kind]));
    assert.deepEqual(kinds, {
      'It was a very warm, very positive letter,': 'direct',
      'a sign of good faith': 'partial',
      denuclearization: 'scare',
    });
  });
});
