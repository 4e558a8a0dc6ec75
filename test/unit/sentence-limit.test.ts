import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';
import { MAX_SENTENCE_CHARS, segmentParagraphs, segmentSentences } from '../../server/src/core/text/segment';

describe('sentences without a stop', () => {
  it('are cut at spaces into pieces of at most MAX_SENTENCE_CHARS, covering every word', () => {
    const text = 'He said '.repeat(2_000) + 'it.';
    const sentences = segmentSentences(text, segmentParagraphs(text));
    assert.ok(sentences.length > 1);
    for (const s of sentences) {
      assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS, `a sentence of ${s.end - s.start} characters`);
      assert.ok(!/\s/.test(text[s.start]) && !/\s/.test(text[s.end - 1]), 'cut between words');
    }
    assert.equal(sentences.map((s) => text.slice(s.start, s.end)).join(' '), text.trim());
  });

  it('leave real sentences whole, however long', () => {
    const long = 'The committee, which met on Tuesday, ' + 'discussed the budget, the parks and the libraries, '.repeat(20) + 'and adjourned.';
    assert.ok(long.length < MAX_SENTENCE_CHARS);
    assert.equal(segmentSentences(long, segmentParagraphs(long)).length, 1);
  });

  it('a run of 5,000 cues with no stop is analysed (each piece on its own)', () => {
    const text = 'He said '.repeat(5_000) + 'it.';
    const a = analyzeArticle(text);
    assert.ok(a.attributions.length > 1000);
  });
});
