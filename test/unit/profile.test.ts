// The profile of a statement or passage (its content words, concepts, numbers, names and particulars), built in
// typed arrays, held to a plain construction with Maps and Sets on random token sequences; and the searches the
// comparison asks of those arrays, held to a Set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FLAG_SHIFT, TERM_MASK } from '../../server/src/core/corpus/corpus';
import { stem, TOKEN_CAPITALIZED, TOKEN_INITIAL, TOKEN_NEGATED, TOKEN_NUMBER, TOKEN_STOPWORD } from '../../server/src/core/corpus/terms';
import { Vocabulary } from '../../server/src/core/corpus/vocabulary';
import { Arena } from '../../server/src/core/corroborate/arena';
import { factCoverage, factWeight, hasContent, hasName, hasNumber, profileOf, UNKNOWN_TERM, type Profile } from '../../server/src/core/corroborate/features';
import { Lexicon } from '../../server/src/core/corroborate/lexicon';
import { diceOfRuns, hasKey, includesKey, indexOfKey } from '../../server/src/core/corroborate/sortedKeys';
import synonyms from '../../server/src/core/corroborate/synonyms.json';

// Stems with WordNet concepts (some shared), time words, months and plain words: 70 terms, so that a long sequence
// has more distinct content words than a small table holds.
const STEMS = [
  ...synonyms.entries.split('|').slice(0, 40).map((e) => e.split(' ')[0]),
  ...'monday yesterday june march week said summit leader letter korea trump kim pompeo singapore hanoi'.split(' ').map(stem),
  ...'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar'.split(' ').map(stem),
];
const vocabulary = new Vocabulary([...new Set(STEMS)]);
const lexicon = new Lexicon(vocabulary);
// (Unknown words, negative keys, get idf(-1); any other negative key gets another weight, so that a mix-up shows.)
const idf = (t: number): number => (t < 0 ? 0.25 + (-t % 4) / 10 : 1 + ((t * 7) % 5) / 3);

const term = (w: number): number => w & TERM_MASK;
const flags = (w: number): number => w >>> FLAG_SHIFT;
const isName = (w: number): boolean => (flags(w) & (TOKEN_CAPITALIZED | TOKEN_INITIAL | TOKEN_NUMBER)) === TOKEN_CAPITALIZED;

// What profiles were built of before they were typed arrays (features.ts), step by step.
function reference(tokens: Uint32Array) {
  const content = new Map<number, number>();
  let contentIdf = 0;
  const concepts = new Set<number>();
  const numbers = new Set<number>();
  const names = new Set<number>();
  const facts = new Map<number, number>();
  let negated = false;
  // Word pairs and triples as pairFeatures' keys: term ids side by side, a triple's first two hashed (features.ts).
  const pairs: number[] = [];
  const triples: number[] = [];
  tokens.forEach((w, i) => {
    if (i > 0) pairs.push(term(tokens[i - 1]) * 16777216 + term(w));
    if (i > 1) {
      let h = Math.imul(term(tokens[i - 2]) ^ 0x9e3779b9, 0x85ebca6b);
      h = Math.imul(h ^ term(tokens[i - 1]), 0xc2b2ae35);
      triples.push(((h ^ (h >>> 15)) >>> 0) * 16777216 + term(w));
    }
    const t = term(w);
    const known = t !== UNKNOWN_TERM;
    const key = known ? t : -1 - i;
    if (flags(w) & TOKEN_NEGATED) negated = true;
    const time = known && lexicon.isTime(t);
    if ((flags(w) & TOKEN_STOPWORD) === 0 && !content.has(key)) {
      const v = known ? idf(t) * (time ? 0.3 : 1) : idf(-1);
      content.set(key, v);
      contentIdf += v;
      if (known) for (const c of lexicon.concepts(t)) concepts.add(c);
    }
    const number = (flags(w) & TOKEN_NUMBER) !== 0;
    if (number) numbers.add(key);
    else if (isName(w) && !time) names.add(key);
    if (number || (isName(w) && !time) || (known && lexicon.isMonth(t))) facts.set(key, known ? idf(t) : idf(-1));
  });
  const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
  const factKeys = sorted(facts.keys());
  return {
    contentTerms: [...content.keys()],
    contentWeights: [...content.values()],
    contentKeys: sorted(content.keys()),
    contentIdf,
    concepts: sorted(concepts),
    numbers: [...numbers],
    names: [...names],
    facts: factKeys,
    factWeights: factKeys.map((k) => facts.get(k)),
    bigrams: [...new Set(pairs)].sort((a, b) => a - b),
    trigrams: [...new Set(triples)].sort((a, b) => a - b),
    negated,
  };
}

const token = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: vocabulary.size - 1 }) }, { weight: 1, arbitrary: fc.constant(UNKNOWN_TERM) }), fc.integer({ min: 0, max: 63 }))
  .map(([t, f]) => (t | (f << FLAG_SHIFT)) >>> 0);

describe('the profile of a token sequence', () => {
  it('has the content words, concepts, numbers, names and particulars a construction with Maps and Sets finds', () => {
    assert.ok(vocabulary.stems.some((_, t) => lexicon.concepts(t).length > 0) && vocabulary.stems.some((_, t) => lexicon.isMonth(t)));
    // Several profiles in a row from one arena (and some on their own), as a report builds them: nothing of one
    // profile may leak into the next.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.array(token, { maxLength: 30 }), fc.array(token, { minLength: 100, maxLength: 300 })), { minLength: 1, maxLength: 6 }), fc.boolean(), (sequences, separate) => {
        const arena = new Arena();
        const profiles = sequences.map((s) => profileOf(Uint32Array.from(s), idf, lexicon, separate ? undefined : arena));
        profiles.forEach((p, k) => {
          const expected = reference(Uint32Array.from(sequences[k]));
          const keys = (at: number, count: number) => [...p.keys.subarray(at, at + count)];
          const values = (at: number, count: number) => [...p.values.subarray(at, at + count)];
          assert.deepEqual(
            {
              contentTerms: keys(p.content, p.contentCount),
              contentWeights: values(p.weights, p.contentCount),
              contentKeys: keys(p.contentSorted, p.contentCount),
              contentIdf: p.contentIdf,
              concepts: keys(p.concepts, p.conceptCount),
              numbers: keys(p.numbers, p.numberCount),
              names: keys(p.names, p.nameCount),
              facts: keys(p.facts, p.factCount),
              factWeights: values(p.factWeights, p.factCount),
              bigrams: values(p.bigrams, p.bigramCount),
              trigrams: values(p.trigrams, p.trigramCount),
              negated: p.negated,
            },
            expected,
          );
          // What the comparison asks of a profile, for every key it holds and a few it does not.
          const asked = [...expected.contentTerms, ...expected.names, ...expected.numbers, ...expected.facts, -1, -2, -400, 0, 1, 2, 3];
          for (const x of asked) {
            assert.equal(hasContent(p, x), expected.contentTerms.includes(x), `content ${x}`);
            assert.equal(hasName(p, x), expected.names.includes(x), `name ${x}`);
            assert.equal(hasNumber(p, x), expected.numbers.includes(x), `number ${x}`);
            const f = expected.facts.indexOf(x);
            assert.equal(factWeight(p, x), f < 0 ? -1 : expected.factWeights[f], `fact ${x}`);
          }
        });
        // Profiles of one arena share its arrays: each profile's runs were left as they were by the ones after it.
        profiles.forEach((p: Profile, k) => assert.deepEqual([...p.keys.subarray(p.content, p.content + p.contentCount)], reference(Uint32Array.from(sequences[k])).contentTerms));
      }),
      { numRuns: 400 },
    );
  });
});

// factCoverage as it was written with a Set of counted words, an array per run of name words and a closure.
function referenceFacts(qTokens: Uint32Array, pTokens: Uint32Array) {
  const q = reference(qTokens);
  const p = reference(pTokens);
  const qFacts = new Map(q.facts.map((k, i) => [k, q.factWeights[i]!]));
  const pFacts = new Set(p.facts);
  const pContent = new Set(p.contentTerms);
  let matched = 0;
  let shared = 0;
  let total = 0;
  const counted = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    const length = run.length;
    if (length === 0) return;
    let weight = 0;
    let found = 0;
    let seen = true;
    for (const t of run) {
      weight = Math.max(weight, qFacts.get(t) ?? 0);
      if (pContent.has(t) || pFacts.has(t)) found++;
      if (!counted.has(t)) seen = false;
      counted.add(t);
    }
    run = [];
    if (seen) return;
    total += weight;
    if (found * 2 >= length) {
      matched++;
      shared += weight;
    }
  };
  for (const w of qTokens) {
    const t = term(w);
    if (!qFacts.has(t)) {
      close();
      continue;
    }
    run.push(t);
    if (!isName(w)) close();
  }
  close();
  let predicate = 0;
  q.contentTerms.forEach((t, i) => {
    if (!qFacts.has(t) && pContent.has(t)) predicate += q.contentWeights[i];
  });
  return { matched, coverage: total > 0 ? shared / total : 0, information: shared, predicate };
}

describe('the particulars a passage shares with a statement', () => {
  it('are counted as the construction with a Set and a closure per run counted them', () => {
    // Few terms, mostly capitalised (names that run together and repeat), some numbers and months.
    const nameToken = fc
      .tuple(fc.integer({ min: 40, max: 50 }), fc.constantFrom(TOKEN_CAPITALIZED, TOKEN_CAPITALIZED, TOKEN_NUMBER, 0, TOKEN_STOPWORD, TOKEN_CAPITALIZED | TOKEN_INITIAL))
      .map(([t, f]) => (t | (f << FLAG_SHIFT)) >>> 0);
    const statement = fc.array(fc.oneof(nameToken, token), { maxLength: 60 });
    fc.assert(
      fc.property(statement, statement, (a, b) => {
        const q = Uint32Array.from(a);
        const p = Uint32Array.from(b);
        const arena = new Arena();
        const found = factCoverage(profileOf(q, idf, lexicon, arena), profileOf(p, idf, lexicon, arena));
        assert.deepEqual({ ...found }, referenceFacts(q, p));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('searching the keys of a profile', () => {
  it('finds a key in a run of sorted keys, and among a few unsorted ones, exactly when a Set has it', () => {
    // The run lies between other keys of the array, which it must not see.
    const around = fc.array(fc.integer({ min: -55, max: 55 }), { maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.array(fc.integer({ min: -55, max: 55 }), { maxLength: 30 }), around, around, (keys, probes, before, after) => {
        const set = new Set(keys);
        const from = before.length;
        const sorted = Int32Array.from([...before, ...[...keys].sort((a, b) => a - b), ...after]);
        const unsorted = Int32Array.from([...before, ...keys, ...after]);
        for (const x of [...probes, ...keys, ...before, ...after]) {
          assert.equal(hasKey(sorted, from, keys.length, x), set.has(x), `hasKey ${x}`);
          assert.equal(includesKey(unsorted, from, keys.length, x), set.has(x), `includesKey ${x}`);
          const at = indexOfKey(sorted, from, keys.length, x);
          assert.ok(set.has(x) ? sorted[at] === x && at >= from && at < from + keys.length : at === -1, `indexOfKey ${x}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('measures the overlap of two runs of sorted keys as the Dice coefficient of their multisets', () => {
    const multiset = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 25 }).map((xs) => xs.sort((a, b) => a - b));
    const around = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 });
    fc.assert(
      fc.property(multiset, multiset, around, around, (a, b, before, after) => {
        const left = [...a];
        let shared = 0;
        for (const x of b) {
          const i = left.indexOf(x);
          if (i >= 0) {
            left.splice(i, 1);
            shared++;
          }
        }
        const expected = a.length + b.length === 0 ? 0 : (2 * shared) / (a.length + b.length);
        const packed = Float64Array.from([...before, ...a, ...b, ...after]);
        assert.equal(diceOfRuns(packed, before.length, a.length, packed, before.length + a.length, b.length), expected);
      }),
      { numRuns: 1000 },
    );
  });
});
