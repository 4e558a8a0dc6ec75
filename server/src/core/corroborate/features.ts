// What the re-ranker and the relation classifier look at when they compare a statement of the article (the
// query) with a passage of another document: shared words weighted by rarity, shared word pairs and triples
// (wording), the longest shared run, length, and whether the names, numbers and negations agree.
//
// Both sides are token words as the corpus stores them: term id | flags << FLAG_SHIFT (see corpus.ts).

import { FLAG_SHIFT, TERM_MASK } from '../corpus/corpus';
import { TOKEN_CAPITALIZED, TOKEN_INITIAL, TOKEN_NEGATED, TOKEN_NUMBER, TOKEN_STOPWORD } from '../corpus/terms';
import { SEPARATE, type TypedArrays } from './arena';
import type { Lexicon } from './lexicon';
import { diceOfRuns, hasKey, includesKey, indexOfKey } from './sortedKeys';

/** Term id given to query words the corpus has never seen: they match nothing. */
export const UNKNOWN_TERM = TERM_MASK;

/** Feature names, in the order of the feature vector (the calibration's coefficients follow this order). */
export const FEATURE_NAMES = [
  'coverQuery', // idf-weighted share of the query's content words found in the passage
  'coverPassage', // idf-weighted share of the passage's content words found in the query
  'bigrams', // Dice overlap of consecutive word pairs (stopwords included: wording)
  'trigrams', // Dice overlap of word triples
  'run', // longest common run of words / shorter side
  'lcs', // longest common subsequence / longer side
  'lengthRatio', // |log(query words / passage words)|
  'numbersQueryOnly', // numbers of the query missing from the passage (0, 1, 2+ → 0, .5, 1)
  'numbersPassageOnly', // numbers of the passage missing from the query
  'namesQueryOnly', // share of the query's names (capitalised, not sentence-initial) missing from the passage
  'namesPassageOnly', // share of the passage's names missing from the query
  'negation', // one side negated, the other not
  'extraQuery', // idf mass of unmatched query content words, squashed
  'extraPassage', // idf mass of unmatched passage content words, squashed
  'conceptsQuery', // like coverQuery, a WordNet synonym counting as a match
  'conceptsPassage', // like coverPassage, with synonyms
  'gapQuery', // longest run of query content words absent from the passage (an added clause), /8, capped
  'gapPassage', // the same for the passage
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;
export const FEATURE = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<FeatureName, number>;

const term = (w: number): number => w & TERM_MASK;
const flags = (w: number): number => w >>> FLAG_SHIFT;
const isContent = (w: number): boolean => (flags(w) & TOKEN_STOPWORD) === 0;
const isNumber = (w: number): boolean => (flags(w) & TOKEN_NUMBER) !== 0;
const isName = (w: number): boolean => (flags(w) & (TOKEN_CAPITALIZED | TOKEN_INITIAL | TOKEN_NUMBER)) === TOKEN_CAPITALIZED;
// Time words say when, not what: they weigh little and are not names ("Monday" vs "yesterday").
const TIME_WEIGHT = 0.3;

/**
 * One side of a comparison, with what every comparison needs computed once. Its sets of terms are runs of two
 * arrays, `keys` and `values`, which other profiles of the report share (see Room in arena.ts): a profile has no
 * Map, Set or typed array object of its own (a report keeps ~550 profiles alive, and those were most of what it
 * allocated and what every collection during it had to copy). Each run is given by where it starts and its count.
 */
export interface Profile {
  tokens: Uint32Array;
  keys: Int32Array;
  values: Float64Array;
  /**
   * Unique content term ids (unknown words get unique negative keys) in order of first appearance, in `keys` from
   * `content`; their weights (idf) in `values` from `weights`.
   */
  content: number;
  contentCount: number;
  weights: number;
  /** The same keys sorted, in `keys` from `contentSorted` (contentCount of them). */
  contentSorted: number;
  contentIdf: number;
  /** WordNet concepts of the content words, sorted, each once, in `keys`. */
  concepts: number;
  conceptCount: number;
  /** Numbers, and names, each once in order of first appearance, in `keys` (few: searched from the start). */
  numbers: number;
  numberCount: number;
  names: number;
  nameCount: number;
  /** The checkable particulars (names, numbers and months), sorted, in `keys`; their weights (idf) in `values` from `factWeights`. */
  facts: number;
  factCount: number;
  factWeights: number;
  /** Consecutive word pairs and triples as keys, sorted, each once, in `values`. */
  bigrams: number;
  bigramCount: number;
  trigrams: number;
  trigramCount: number;
  negated: boolean;
}

/** Whether the profile has content word `key`. */
export function hasContent(p: Profile, key: number): boolean {
  return hasKey(p.keys, p.contentSorted, p.contentCount, key);
}

/** Whether the profile has name `key`. */
export function hasName(p: Profile, key: number): boolean {
  return includesKey(p.keys, p.names, p.nameCount, key);
}

/** Whether the profile has number `key`. */
export function hasNumber(p: Profile, key: number): boolean {
  return includesKey(p.keys, p.numbers, p.numberCount, key);
}

/** The weight of particular `key` in the profile, or -1 when it has no such particular. */
export function factWeight(p: Profile, key: number): number {
  const at = indexOfKey(p.keys, p.facts, p.factCount, key);
  return at < 0 ? -1 : p.values[p.factWeights + at - p.facts];
}

/** Builds the profile of a token sequence; `idf` gives each term's rarity; its arrays come from `arrays`. */
export function profileOf(tokens: Uint32Array, idf: (term: number) => number, lexicon: Lexicon, arrays: TypedArrays = SEPARATE): Profile {
  const n = tokens.length;
  const s = scratch(n);
  seenContent.reset(n);
  seenNumbers.reset(n);
  seenNames.reset(n);
  seenFacts.reset(n);
  let contents = 0;
  let numberCount = 0;
  let nameCount = 0;
  let factCount = 0;
  let conceptCount = 0;
  let contentIdf = 0;
  let negated = false;
  for (let i = 0; i < n; i++) {
    const w = tokens[i];
    const t = term(w);
    const known = t !== UNKNOWN_TERM;
    const key = known ? t : -1 - i;
    if (flags(w) & TOKEN_NEGATED) negated = true;
    const time = known && lexicon.isTime(t);
    if (isContent(w) && seenContent.add(key)) {
      const v = known ? idf(t) * (time ? TIME_WEIGHT : 1) : idf(-1);
      s.contentTerms[contents] = key;
      s.contentWeights[contents++] = v;
      contentIdf += v;
      if (known) {
        const cs = lexicon.concepts(t);
        for (let k = 0; k < cs.length; k++) conceptCount = pushConcept(conceptCount, cs[k]);
      }
    }
    if (isNumber(w)) {
      if (seenNumbers.add(key)) s.numbers[numberCount++] = key;
    } else if (isName(w) && !time && seenNames.add(key)) s.names[nameCount++] = key;
    if ((isNumber(w) || (isName(w) && !time) || (known && lexicon.isMonth(t))) && seenFacts.add(key)) s.facts[factCount++] = key;
    if (i > 0) s.bigrams[i - 1] = pairKey(tokens[i - 1], w);
    if (i > 1) s.trigrams[i - 2] = tripleKey(tokens[i - 2], tokens[i - 1], w);
  }
  for (let k = 0; k < contents; k++) s.contentSorted[k] = s.contentTerms[k];
  sortRun(s.contentSorted, contents);
  sortRun(s.facts, factCount);
  const concepts = uniqueCount(conceptScratch, conceptCount);
  const bigramCount = uniqueCount(s.bigrams, Math.max(0, n - 1));
  const trigramCount = uniqueCount(s.trigrams, Math.max(0, n - 2));

  // Every run of keys in one room, of values in another.
  const ints = arrays.int32Room(2 * contents + concepts + numberCount + nameCount + factCount);
  const keys = ints.array;
  let at = ints.at;
  const content = at;
  at = copyRun(s.contentTerms, contents, keys, at);
  const contentSorted = at;
  at = copyRun(s.contentSorted, contents, keys, at);
  const conceptsAt = at;
  at = copyRun(conceptScratch, concepts, keys, at);
  const numbers = at;
  at = copyRun(s.numbers, numberCount, keys, at);
  const names = at;
  at = copyRun(s.names, nameCount, keys, at);
  const facts = at;
  copyRun(s.facts, factCount, keys, at);
  const doubles = arrays.float64Room(contents + factCount + bigramCount + trigramCount);
  const values = doubles.array;
  at = doubles.at;
  const weights = at;
  at = copyRun(s.contentWeights, contents, values, at);
  const factWeights = at;
  // (A fact's weight depends on its key alone: the value the last of its tokens would have set is the first's.)
  for (let k = 0; k < factCount; k++) values[at++] = keys[facts + k] >= 0 ? idf(keys[facts + k]) : idf(-1);
  const bigrams = at;
  at = copyRun(s.bigrams, bigramCount, values, at);
  const trigrams = at;
  copyRun(s.trigrams, trigramCount, values, at);
  return {
    tokens,
    keys,
    values,
    content,
    contentCount: contents,
    weights,
    contentSorted,
    contentIdf,
    concepts: conceptsAt,
    conceptCount: concepts,
    numbers,
    numberCount,
    names,
    nameCount,
    facts,
    factCount,
    factWeights,
    bigrams,
    bigramCount,
    trigrams,
    trigramCount,
    negated,
  };
}

// Copies the first n of `from` to `to` at `at`; returns where the next run starts.
function copyRun<T extends Int32Array | Float64Array>(from: T, n: number, to: T, at: number): number {
  for (let k = 0; k < n; k++) to[at + k] = from[k];
  return at + n;
}

// Sorts the first n of `keys` and moves each distinct key once to the front; returns how many there are.
function uniqueCount(keys: Int32Array | Float64Array, n: number): number {
  sortRun(keys, n);
  let unique = 0;
  for (let k = 0; k < n; k++) if (k === 0 || keys[k] !== keys[unique - 1]) keys[unique++] = keys[k];
  return unique;
}

// Sorts the first n of `keys` in place: by insertion when few (most profiles), else natively on a view. (Word-pair
// keys are whole numbers below 2^48: no NaN or -0 to order.)
function sortRun(keys: Int32Array | Float64Array, n: number): void {
  if (n > 32) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > x) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = x;
  }
}

/**
 * Keys met so far among one profile's tokens: a hash table that starts afresh with a new stamp, not by being
 * cleared (profileOf runs for every passage compared).
 */
class SeenKeys {
  private keys = new Int32Array(64);
  private stamps = new Int32Array(64);
  private stamp = 0;
  private shift = 26;
  private mask = 63;

  /** Starts afresh, for up to n keys. */
  reset(n: number): void {
    let slots = 64;
    let bits = 6;
    while (slots < 2 * n) {
      slots <<= 1;
      bits++;
    }
    if (slots > this.keys.length) {
      this.keys = new Int32Array(slots);
      this.stamps = new Int32Array(slots);
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.shift = 32 - bits;
    this.mask = slots - 1;
  }

  /** Adds `key`; false when it was met already. */
  add(key: number): boolean {
    const { keys, stamps, stamp, mask } = this;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (stamps[h] === stamp) {
      if (keys[h] === key) return false;
      h = (h + 1) & mask;
    }
    stamps[h] = stamp;
    keys[h] = key;
    return true;
  }
}

const seenContent = new SeenKeys();
const seenNumbers = new SeenKeys();
const seenNames = new SeenKeys();
const seenFacts = new SeenKeys();

// The runs of the profile being built, before they are copied to the rooms of their own size.
function makeScratch(m: number) {
  return {
    contentTerms: new Int32Array(m),
    contentSorted: new Int32Array(m),
    contentWeights: new Float64Array(m),
    numbers: new Int32Array(m),
    names: new Int32Array(m),
    facts: new Int32Array(m),
    bigrams: new Float64Array(m),
    trigrams: new Float64Array(m),
  };
}
let scratchArrays = makeScratch(64);
function scratch(n: number): typeof scratchArrays {
  if (scratchArrays.contentTerms.length < n) scratchArrays = makeScratch(2 * n);
  return scratchArrays;
}

// The concepts of the profile being built, repeats included (grown as needed).
let conceptScratch = new Int32Array(256);
function pushConcept(count: number, concept: number): number {
  if (count === conceptScratch.length) {
    const next = new Int32Array(2 * count);
    next.set(conceptScratch);
    conceptScratch = next;
  }
  conceptScratch[count] = concept;
  return count + 1;
}

// Unknown words never pair with anything: their key mixes in the position so no two are equal.
function pairKey(a: number, b: number): number {
  return term(a) * 16777216 + term(b);
}

function tripleKey(a: number, b: number, c: number): number {
  let h = Math.imul(term(a) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ term(b), 0xc2b2ae35);
  h = (h ^ (h >>> 15)) >>> 0;
  return h * 16777216 + term(c);
}

const squash = (x: number): number => x / (1 + x);
const ALIGN_MIN_COVER = 0.2;
const NOT_ALIGNED = { run: 0, lcs: 0 };

/**
 * The feature vector comparing query q with passage p (both profiles). Terms in `lenient` count as shared and
 * never as a mismatch: "would this support it, but for these words?" (see relation.ts).
 */
export function pairFeatures(
  q: Profile,
  p: Profile,
  lexicon: Lexicon,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
  lenient?: ReadonlySet<number>,
): Float64Array {
  const sharedQ = sharedWeight(q, p, lenient);
  const sharedP = sharedWeight(p, q, lenient);
  out[FEATURE.coverQuery] = q.contentIdf > 0 ? sharedQ / q.contentIdf : 0;
  out[FEATURE.coverPassage] = p.contentIdf > 0 ? sharedP / p.contentIdf : 0;
  out[FEATURE.bigrams] = diceOfRuns(q.values, q.bigrams, q.bigramCount, p.values, p.bigrams, p.bigramCount);
  out[FEATURE.trigrams] = diceOfRuns(q.values, q.trigrams, q.trigramCount, p.values, p.trigrams, p.trigramCount);
  // Alignment is the costliest feature; pairs sharing little have no long common run to find.
  const aligned = out[FEATURE.coverQuery] >= ALIGN_MIN_COVER || out[FEATURE.coverPassage] >= ALIGN_MIN_COVER;
  const { run, lcs } = aligned ? alignment(q.tokens, p.tokens) : NOT_ALIGNED;
  const shorter = Math.max(1, Math.min(q.tokens.length, p.tokens.length));
  const longer = Math.max(1, q.tokens.length, p.tokens.length);
  out[FEATURE.run] = run / shorter;
  out[FEATURE.lcs] = lcs / longer;
  out[FEATURE.lengthRatio] = Math.abs(Math.log(Math.max(1, q.tokens.length) / Math.max(1, p.tokens.length)));
  out[FEATURE.numbersQueryOnly] = missingNumbers(q, p, lenient) / 2;
  out[FEATURE.numbersPassageOnly] = missingNumbers(p, q, lenient) / 2;
  out[FEATURE.namesQueryOnly] = q.nameCount ? missingNames(q, p, lenient) : 0;
  out[FEATURE.namesPassageOnly] = p.nameCount ? missingNames(p, q, lenient) : 0;
  out[FEATURE.negation] = q.negated !== p.negated && !lenient?.has(NEGATION_KEY) ? 1 : 0;
  out[FEATURE.extraQuery] = squash((q.contentIdf - sharedQ) / 8);
  out[FEATURE.extraPassage] = squash((p.contentIdf - sharedP) / 8);
  out[FEATURE.conceptsQuery] = conceptCover(q, p, lexicon);
  out[FEATURE.conceptsPassage] = conceptCover(p, q, lexicon);
  out[FEATURE.gapQuery] = gap(q.tokens, p);
  out[FEATURE.gapPassage] = gap(p.tokens, q);
  return out;
}

// The content weight of a whose terms are in b's content or in `lenient`.
function sharedWeight(a: Profile, b: Profile, lenient?: ReadonlySet<number>): number {
  const { keys, values, content, weights } = a;
  let shared = 0;
  for (let i = 0; i < a.contentCount; i++) {
    const t = keys[content + i];
    if (hasContent(b, t) || lenient?.has(t)) shared += values[weights + i];
  }
  return shared;
}

// Share of a's content weight matched in b by the same term or a shared WordNet concept.
function conceptCover(a: Profile, b: Profile, lexicon: Lexicon): number {
  if (a.contentIdf === 0) return 0;
  const { keys, values, content, weights } = a;
  let shared = 0;
  for (let i = 0; i < a.contentCount; i++) {
    const t = keys[content + i];
    if (hasContent(b, t)) shared += values[weights + i];
    else if (t >= 0 && b.conceptCount > 0 && sharesConcept(lexicon.concepts(t), b)) shared += values[weights + i];
  }
  return shared / a.contentIdf;
}

function sharesConcept(concepts: readonly number[], other: Profile): boolean {
  for (let i = 0; i < concepts.length; i++) if (hasKey(other.keys, other.concepts, other.conceptCount, concepts[i])) return true;
  return false;
}

// The longest run of content words of `tokens` that `other` lacks, /8 and capped at 1.
function gap(tokens: Uint32Array, other: Profile): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (!isContent(w)) continue;
    if (hasContent(other, term(w))) run = 0;
    else if (++run > best) best = run;
  }
  return Math.min(best, 8) / 8;
}

/**
 * How many of the query's particulars (names, numbers, months) the passage has, their share by weight, their
 * summed idf (`information`), and the idf of the other shared content words (`predicate`): several rare shared
 * particulars, and something said of them, place two sentences at one event even in very different words.
 * Written to `out` (a new object when not given) and returned.
 */
export function factCoverage(q: Profile, p: Profile, out: FactCoverage = { matched: 0, coverage: 0, information: 0, predicate: 0 }): FactCoverage {
  let matched = 0;
  let shared = 0;
  let total = 0;
  // A run of name words ("Kim Jong Un", "White House") is one particular: its words always come together, so it
  // counts once, by its rarest word, and is shared when most of its words are. The run and the words of the runs
  // before it are kept in scratch arrays (a Set and an array per call were most of a judgement's garbage).
  const n = q.tokens.length;
  if (runTerms.length < n) {
    runTerms = new Int32Array(2 * n);
    countedTerms = new Int32Array(2 * n);
  }
  let length = 0;
  let counted = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n) {
      const w = q.tokens[i];
      const t = term(w);
      if (factWeight(q, t) >= 0) {
        runTerms[length++] = t;
        if (isName(w)) continue; // numbers and months stand alone
      }
    }
    // The run ends here.
    if (length === 0) continue;
    let weight = 0;
    let found = 0;
    let seen = true;
    for (let k = 0; k < length; k++) {
      const t = runTerms[k];
      weight = Math.max(weight, factWeight(q, t), 0);
      if (hasContent(p, t) || factWeight(p, t) >= 0) found++;
      if (!includesKey(countedTerms, 0, counted, t)) {
        seen = false;
        countedTerms[counted++] = t;
      }
    }
    if (!seen) {
      // (Else the same name again.)
      total += weight;
      if (found * 2 >= length) {
        matched++;
        shared += weight;
      }
    }
    length = 0;
  }
  // What is said of them: the shared content words that are not particulars.
  let predicate = 0;
  for (let i = 0; i < q.contentCount; i++) {
    const t = q.keys[q.content + i];
    if (factWeight(q, t) < 0 && hasContent(p, t)) predicate += q.values[q.weights + i];
  }
  out.matched = matched;
  out.coverage = total > 0 ? shared / total : 0;
  out.information = shared;
  out.predicate = predicate;
  return out;
}

/** What factCoverage finds. */
export interface FactCoverage {
  matched: number;
  coverage: number;
  information: number;
  predicate: number;
}

// factCoverage's run of name words, and the words of the runs before it.
let runTerms = new Int32Array(64);
let countedTerms = new Int32Array(64);

/** Put in a `lenient` set to overlook a negation mismatch. */
export const NEGATION_KEY = -0x7fffffff;

// Numbers of `a` missing from `b`, capped at 2.
function missingNumbers(a: Profile, b: Profile, lenient?: ReadonlySet<number>): number {
  let n = 0;
  for (let i = 0; i < a.numberCount; i++) {
    const x = a.keys[a.numbers + i];
    if (!hasNumber(b, x) && !lenient?.has(x)) n++;
  }
  return Math.min(2, n);
}

// Share of the names of one side absent from the other (a name written in lower case there still counts).
function missingNames(a: Profile, b: Profile, lenient?: ReadonlySet<number>): number {
  let n = 0;
  for (let i = 0; i < a.nameCount; i++) {
    const x = a.keys[a.names + i];
    if (!hasName(b, x) && !hasContent(b, x) && !lenient?.has(x)) n++;
  }
  return n / a.nameCount;
}

/**
 * Longest common run and longest common subsequence of two token sequences, compared by term (unknown words match
 * nothing). Only the pairs of equal terms are visited, not every pair of positions: the positions of each term of `a`
 * are chained in a small hash table, the run ending at each match extends the one ending diagonally before it, and
 * the subsequence is Hunt and Szymanski's (a threshold per length, found by binary search). Most word pairs of a
 * sentence and a passage differ, so this does a fraction of the dynamic programme's work, with the same results.
 */
export function alignment(a: Uint32Array, b: Uint32Array): { run: number; lcs: number } {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { run: 0, lcs: 0 };
  if (positionNext.length < n) {
    positionNext = new Int32Array(2 * n);
    runAt = new Int32Array(2 * n);
    runColumn = new Int32Array(2 * n);
    thresholds = new Int32Array(2 * n + 1);
  }
  let slots = 16;
  while (slots < 2 * n) slots <<= 1;
  if (slotTerm.length < slots) {
    slotTerm = new Int32Array(slots);
    slotHead = new Int32Array(slots);
    slotStamp = new Int32Array(slots);
  }
  const mask = slots - 1;
  // (A stamp per call marks the table's live slots; before it would pass what an Int32Array holds, start again.)
  if (alignments === 0x7fffffff) {
    slotStamp.fill(0);
    alignments = 0;
  }
  const stamp = ++alignments;
  // Each term of `a`: its last position in its slot, each position linked to the one before it (descending order).
  for (let i = 0; i < n; i++) {
    const t = term(a[i]);
    runColumn[i] = -2;
    if (t === UNKNOWN_TERM) continue;
    let h = Math.imul(t, 0x9e3779b1) >>> 16 & mask;
    while (slotStamp[h] === stamp && slotTerm[h] !== t) h = (h + 1) & mask;
    positionNext[i] = slotStamp[h] === stamp ? slotHead[h] : -1;
    slotStamp[h] = stamp;
    slotTerm[h] = t;
    slotHead[h] = i;
  }
  let run = 0;
  let lcs = 0;
  for (let j = 0; j < m; j++) {
    const t = term(b[j]);
    if (t === UNKNOWN_TERM) continue;
    let h = Math.imul(t, 0x9e3779b1) >>> 16 & mask;
    while (slotStamp[h] === stamp && slotTerm[h] !== t) h = (h + 1) & mask;
    if (slotStamp[h] !== stamp) continue;
    // Positions in descending order: each match reads the run ending at (i - 1, j - 1) before position i - 1 of
    // this column is written, and b[j] extends at most one subsequence.
    for (let i = slotHead[h]; i >= 0; i = positionNext[i]) {
      const r = i > 0 && runColumn[i - 1] === j - 1 ? runAt[i - 1] + 1 : 1;
      runAt[i] = r;
      runColumn[i] = j;
      if (r > run) run = r;
      let lo = 0;
      let hi = lcs;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (thresholds[mid] < i) lo = mid + 1;
        else hi = mid;
      }
      thresholds[lo] = i;
      if (lo === lcs) lcs++;
    }
  }
  return { run, lcs };
}

// Scratch for alignment (it runs for every candidate passage): the hash table of a's terms, the positions' links,
// the run ending at each position of a in the column it was last matched, and the subsequence's thresholds.
let alignments = 0;
let slotTerm = new Int32Array(128);
let slotHead = new Int32Array(128);
let slotStamp = new Int32Array(128);
let positionNext = new Int32Array(128);
let runAt = new Int32Array(128);
let runColumn = new Int32Array(128);
let thresholds = new Int32Array(129);
