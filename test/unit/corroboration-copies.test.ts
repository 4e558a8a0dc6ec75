// A sentence found word for word in another document is the plainest corroboration there is. MRPC, on which the
// support model is fitted, holds no identical pairs: before copies joined its training, the model extrapolated
// to that corner and judged such a sentence unrelated, so a claim copied verbatim got no evidence at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../../server/src/core/corpus/corpus';
import { compareWithDocument, evidenceForStatement } from '../../server/src/core/corroborate/evidence';

const CORPUS: Record<string, string> = {
  'loss.txt': 'The huge bottom line loss stemmed from a 1.5 billion-pound asset writedown, on top of a 3.5 billion first-half charge. Shares fell sharply in London.',
  'iaea.txt': "We'll be listening carefully to the director general's report at the next board meeting, the envoy said.",
  'weather.txt': 'Heavy rain flooded roads across the region on Tuesday, and schools closed early.',
  'market.txt': 'The pound rose against the dollar after the central bank held its interest rate.',
  'talks.txt': 'The board meeting ended without a decision on the report, diplomats said.',
};

function corpus(): Corpus {
  const c = new Corpus();
  for (const [id, text] of Object.entries(CORPUS)) c.set(id, text);
  return c;
}

describe('a sentence found word for word in another document', () => {
  it('supports the statement, and is the first evidence shown', () => {
    const statement = 'The huge bottom line loss stemmed from a 1.5 billion-pound asset writedown, on top of a 3.5 billion first-half charge.';
    assert.equal(compareWithDocument(corpus(), statement, 'loss.txt').relation, 'supports');
    const evidence = evidenceForStatement(corpus(), statement);
    assert.equal(evidence[0]?.documentId, 'loss.txt');
    assert.equal(evidence[0]?.relation, 'supports');
  });

  it('supports a short statement as well', () => {
    const statement = 'Heavy rain flooded roads across the region on Tuesday, and schools closed early.';
    assert.equal(compareWithDocument(corpus(), statement, 'weather.txt').relation, 'supports');
  });
});
