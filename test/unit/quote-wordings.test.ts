// When another document's quote is the same quote in other words (differs), and when it only shares a phrase.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import type { Evidence } from '../../server/src/core/types';
import { TrigramCounts, trigramDice } from '../../server/src/core/corroborate/wording';

function quoteEvidence(corpus: string, article: string): Evidence[] {
  const service = new CorroborateService();
  service.setDocument('other.txt', corpus);
  const report = service.report('article.txt', article, 1);
  assert.equal(report.quotes.length, 1);
  return report.quotes[0].evidence;
}

describe('quotes worded differently', () => {
  it('are found when the same named speaker says it in other words', () => {
    const evidence = quoteEvidence(
      'Sarah Sanders said the military parade in Pyongyang was “a sign of good faith” by the North.\n',
      '“We regard the military parade in Pyongyang as a sign of goodwill,” Sarah Sanders said.\n',
    );
    assert.deepEqual(evidence.map((e) => [e.relation, e.wording?.text]), [['differs', 'a sign of good faith']]);
  });

  it('are not made of a stock phrase inside two unattributed quotes', () => {
    const evidence = quoteEvidence(
      'In Singapore the North Korean leader reaffirmed a commitment to work towards the “complete denuclearization of the Korean Peninsula”, a vague commitment already made in the past.\n',
      'The trip to Singapore was called off because the North Korean leader showed “no sufficient progress in the denuclearization of the Korean Peninsula” this summer.\n',
    );
    assert.ok(!evidence.some((e) => e.relation === 'differs'), evidence.map((e) => e.relation).join(', '));
  });
});

describe('trigram closeness of wordings', () => {
  // A seeded generator, so a failure can be replayed.
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Few letters, so trigrams repeat within and across runs; empty words and non-ASCII letters too.
  const ALPHABET = ['a', 'b', 'n', 'o', 'é', '’', ''];
  const wordsOf = (next: () => number, n: number): string[] =>
    Array.from({ length: n }, () => Array.from({ length: Math.floor(next() * 5) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));

  it('counted as a multiset, gives the Dice coefficient of the joined words', () => {
    const next = random(7);
    for (let round = 0; round < 500; round++) {
      const a = wordsOf(next, Math.floor(next() * 8));
      const b = wordsOf(next, Math.floor(next() * 12));
      const from = Math.floor(next() * (b.length + 1));
      const to = from + Math.floor(next() * (b.length - from + 1));
      const counts = new TrigramCounts(a, 0, a.length);
      const expected = trigramDice(a.join(' '), b.slice(from, to).join(' '));
      assert.equal(counts.dice(b, from, to), expected, `${JSON.stringify(a)} vs ${JSON.stringify(b.slice(from, to))}`);
      // Asked again (its matches are counted afresh for every comparison).
      assert.equal(counts.dice(b, from, to), expected);
    }
  });
});
