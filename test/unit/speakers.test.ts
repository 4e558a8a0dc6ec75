import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';
import { sharedWords } from '../../server/src/core/sharedWords';
import { speakersOf } from '../../server/src/core/speakers';

describe('speakers across documents', () => {
  it('groups quotes by speaker, counts documents, and folds a bare surname into the one full name it ends', () => {
    const a = analyzeArticle('“We are ready to meet again very soon,” said Sarah Sanders.\n\n“The letter was very warm indeed,” Sanders said.\n');
    const b = analyzeArticle('“It was a warm and positive letter,” Sanders told reporters.\n');
    const speakers = speakersOf([
      { documentId: 'a', analysis: a },
      { documentId: 'b', analysis: b },
    ]);
    assert.deepEqual(
      speakers.map((s) => [s.name, s.quotes.length, s.documents]),
      [['Sarah Sanders', 3, 2]],
    );
  });

  it('leaves out scare quotes and quotes credited to nobody', () => {
    const a = analyzeArticle('The so-called “bold decision” was never explained in the statement at all.\n');
    assert.deepEqual(speakersOf([{ documentId: 'a', analysis: a }]), []);
  });
});

describe('shared words', () => {
  it('finds the passage words that also carry meaning in the query, folding case and curly apostrophes', () => {
    const passage = 'The President’s letter was “warm”, said the White House.';
    const spans = sharedWords('a very WARM letter from the president', passage).map((s) => passage.slice(s.start, s.end));
    assert.deepEqual(spans, ['President’s', 'letter', 'warm']);
  });
});
