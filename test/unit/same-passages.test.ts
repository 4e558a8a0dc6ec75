// Passages with the same words (wire copies, boilerplate repeated across documents) are compared once per report:
// Comparison.same gives each passage the first passage met with exactly its tokens. Held to a Map keyed by the
// tokens themselves, in random orders of asking, with the corpus's hash as it is and with one that collides often.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Corpus } from '../../server/src/core/corpus/corpus';
import { Comparison } from '../../server/src/core/corroborate/comparison';

const SENTENCES = [
  'The summit opened in Singapore on Tuesday.',
  'Leaders met for two hours.',
  'Aides called the talks frank.',
  'The summit opened in Singapore on Tuesday!',
  'the summit opened in Singapore on Tuesday.',
  'Markets rose.',
  'Markets fell.',
  'A joint statement followed.',
];

// Only four hashes: nearly every passage shares its hash with passages of other words.
class CollidingCorpus extends Corpus {
  override passageTokenHash(p: number): number {
    return super.passageTokenHash(p) & 3;
  }
}

function build(make: () => Corpus, documents: number[][]): Corpus {
  const corpus = make();
  documents.forEach((sentences, d) => corpus.set(`doc${d}.txt`, sentences.map((s) => SENTENCES[s]).join(' ')));
  return corpus;
}

describe('passages with the same words', () => {
  it('are each represented by the first of them asked about, whatever the hash', () => {
    const documents = fc.array(fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    for (const make of [() => new Corpus(), () => new CollidingCorpus()]) {
      fc.assert(
        fc.property(documents, fc.array(fc.nat(), { maxLength: 60 }), (docs, picks) => {
          const corpus = build(make, docs);
          const cmp = new Comparison(corpus, null, null);
          const first = new Map<string, number>();
          for (const pick of picks) {
            const p = pick % corpus.passageTotal;
            const key = corpus.passageTokens(p).join(',');
            if (!first.has(key)) first.set(key, p);
            assert.equal(cmp.same(p), first.get(key), `passage ${p}`);
          }
        }),
        { numRuns: 300 },
      );
    }
  });

  it('hash alike, and are told from passages of other words, in the corpus', () => {
    const corpus = build(() => new Corpus(), [
      [0, 1, 2, 3],
      [4, 5, 0, 6],
      [7, 1, 5, 2],
    ]);
    for (let p = 0; p < corpus.passageTotal; p++) {
      for (let q = 0; q < corpus.passageTotal; q++) {
        const equal = corpus.passageTokens(p).join(',') === corpus.passageTokens(q).join(',');
        assert.equal(corpus.sameTokens(p, q), equal, `${p} ${q}`);
        if (equal) assert.equal(corpus.passageTokenHash(p), corpus.passageTokenHash(q));
      }
    }
  });
});
