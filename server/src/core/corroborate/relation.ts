// Decides how a passage bears on a statement: supports, conflicts, or neither; and, for quotes, whether the
// passage carries the same words or the same speaker's different words.

import { FLAG_SHIFT, TERM_MASK } from '../corpus/corpus';
import { stem, TOKEN_CAPITALIZED, TOKEN_STOPWORD } from '../corpus/terms';
import { factCoverage, FEATURE, FEATURE_COUNT, hasContent, hasName, hasNumber, NEGATION_KEY, pairFeatures, type Profile } from './features';
import type { Lexicon } from './lexicon';
import { factProbability, probabilities, RELATED_THRESHOLD, SUPPORT_THRESHOLD, type SharedFacts } from './model';
import { trigramDice, type Wording } from './wording';

/** A decided relation with its calibrated score. */
export interface Judgement {
  relation: 'supports' | 'differs' | 'conflicts' | 'related' | null;
  score: number;
  /** How closely the passage matches the statement (the relatedness probability): what evidence is ranked by. */
  closeness: number;
  reason?: string;
}

/** A conflict needs this confidence that both tell of the same event (judged with the mismatch overlooked). */
export const CONFLICT_THRESHOLD = 0.8;
/**
 * Names and negations are noisier than numbers ("ECB" / "European Central Bank", "failing to" / "not"):
 * they conflict only when nearly every other word is shared both ways.
 */
const STRICT_COVER = 0.85;

/** Below this share of its words found in the passage, a statement is not checked for conflicts. */
const MISMATCH_MIN_COVER = 0.4;
const features = new Float64Array(FEATURE_COUNT);
const lenientFeatures = new Float64Array(FEATURE_COUNT);
/** The shared particulars of the pair being judged (one object for all judgements: it was a good part of their garbage). */
const sharedFacts: SharedFacts = { words: 0, matched: 0, coverage: 0, information: 0, predicate: 0, passages: 0 };

/**
 * Supports, conflicts, related or nothing, for a statement (claim or quote sentence) and a passage of a corpus of
 * `passages`. The score is the support probability except for conflicts (the confidence that both tell of one event).
 */
export function judgeStatement(q: Profile, p: Profile, lexicon: Lexicon, wordOf: (term: number) => string, passages: number): Judgement {
  pairFeatures(q, p, lexicon, features);
  const { support, related } = probabilities(features);
  // Only a passage that tells of the same event can contradict it: look for a substitution only then.
  const mismatch = features[FEATURE.coverQuery] >= MISMATCH_MIN_COVER ? findMismatch(q, p, wordOf) : null;
  // With the mismatch overlooked, how close the passage is: the same event with another figure ("770 dead" /
  // "643 dead") is the statement's counterpart, worth showing as related even when it conflicts with too little
  // confidence to say so.
  let eventCloseness = related;
  if (mismatch) {
    pairFeatures(q, p, lexicon, lenientFeatures, mismatch.keys);
    // "Would it support the statement but for this?": the support probability with the mismatch overlooked.
    const lenient = probabilities(lenientFeatures);
    const event = lenient.support;
    const strict = mismatch.kind !== 'number';
    const close = lenientFeatures[FEATURE.coverQuery] >= STRICT_COVER && lenientFeatures[FEATURE.coverPassage] >= STRICT_COVER;
    if (mismatch.kind === 'referent') {
      // Other things counted: neither the same statement nor a contradiction of it, at most related.
      const near = Math.max(related, lenient.related);
      return { relation: near >= RELATED_THRESHOLD ? 'related' : null, score: Math.min(support, SUPPORT_THRESHOLD - 0.01), closeness: related };
    }
    if (event >= CONFLICT_THRESHOLD && (!strict || close)) return { relation: 'conflicts', score: event, closeness: related, reason: mismatch.reason };
    if (mismatch.kind === 'number') eventCloseness = Math.max(related, lenient.related);
  }
  sharedFacts.words = q.tokens.length;
  sharedFacts.passages = passages;
  factCoverage(q, p, sharedFacts);
  const best = Math.max(support, factProbability(sharedFacts));
  if (best >= SUPPORT_THRESHOLD) return { relation: 'supports', score: best, closeness: related };
  return { relation: eventCloseness >= RELATED_THRESHOLD ? 'related' : null, score: best, closeness: related };
}

/**
 * Combines the statement's judgement with how the quote's words compare (see wording.ts). `sameSpeaker` is
 * true, false, or null when it cannot be told; `context` is how much of the article's sentence the other
 * document has around its wording (the same event).
 */
export function judgeQuote(statement: Judgement, wording: Wording, quoteContentWords: number, sameSpeaker: boolean | null, context: number): Judgement {
  const supported = statement.relation === 'supports' ? statement.score : 0;
  if (wording.match === 'exact' && quoteContentWords > 0) {
    // Word for word: the longer the quote, the less likely by chance.
    const chance = Math.pow(0.5, Math.min(quoteContentWords, 8));
    const score = clamp(1 - (1 - Math.max(supported, 0.5)) * chance);
    return { relation: 'supports', score, closeness: Math.max(statement.closeness, score) };
  }
  if (wording.match === 'fragment' && sameSpeaker !== false && (sameSpeaker || context >= CONTEXT_THRESHOLD)) {
    const score = clamp(Math.max(supported, 0.5 + 0.4 * wording.similarity));
    return { relation: 'supports', score, closeness: Math.max(statement.closeness, score) };
  }
  // Another wording of the same quote: the speaker confirmed, or whole wordings so close that they can only be
  // one quote (a piece of the quote worded alike is not enough without the speaker: see Wording.piece).
  const close = sameSpeaker === true ? DIFFERS_SIMILARITY : sameSpeaker === null && !wording.piece ? NEAR_SIMILARITY : Infinity;
  if (wording.match === 'partial' && wording.similarity >= close && context >= CONTEXT_THRESHOLD) {
    const score = clamp(0.5 * wording.similarity + 0.5 * Math.min(1, context / 0.6));
    return { relation: 'differs', score, closeness: Math.max(statement.closeness, score) };
  }
  return statement.relation ? statement : { relation: null, score: statement.score, closeness: statement.closeness };
}

/** Two wordings at least this close (character trigrams) are one quote rendered differently. */
export const DIFFERS_SIMILARITY = 0.4;
/** Wordings this close are one quote even when the speaker cannot be confirmed. */
export const NEAR_SIMILARITY = 0.75;
/** Share of the article sentence's words (idf-weighted) found around the passage: the same event. */
export const CONTEXT_THRESHOLD = 0.2;

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

interface Mismatch {
  /** `referent`: a figure and a name differ, each side naming something the other does not: other things counted. */
  kind: 'number' | 'name' | 'negation' | 'referent';
  reason: string;
  keys: Set<number>;
}

/**
 * A substitution between the two sides: a number or a name in the same slot ("June 12" / "June 21", "summit
 * in Singapore" / "summit in Hanoi": the nearest content word before or after is the same), or a negation
 * that one side has and the other lacks.
 */
export function findMismatch(q: Profile, p: Profile, wordOf: (term: number) => string): Mismatch | null {
  // A name only conflicts with a name unlike it ("Korea"/"Koreans", "Qaida"/"Qaeda" are one name); titles and
  // short forms ("Ms", "Adm", "ECB", "U.S.") are no names to conflict over.
  const unlike = (n: number, other: Profile): boolean => {
    for (let i = 0; i < other.nameCount; i++) if (nameSimilar(wordOf(n), wordOf(other.keys[other.names + i]))) return false;
    return true;
  };
  const conflictable = (n: number): boolean => wordOf(n).length >= 4 && !TITLES.has(wordOf(n));
  const qNames = keysWhere(q.keys, q.names, q.nameCount, (n) => conflictable(n) && !hasName(p, n) && !hasContent(p, n) && unlike(n, p));
  const pNames = keysWhere(p.keys, p.names, p.nameCount, (n) => conflictable(n) && !hasName(q, n) && !hasContent(q, n) && unlike(n, q));
  // Another figure where each side also names something the other does not counts another thing: "1,237 delegates
  // to win the Republican nomination" / "2,383 … the Democratic nomination". A name on one side only (“the Aspen
  // Fire” / “the fire”) may just be more specific.
  const qOnly = keysWhere(q.keys, q.numbers, q.numberCount, (n) => !hasNumber(p, n));
  const pOnly = keysWhere(p.keys, p.numbers, p.numberCount, (n) => !hasNumber(q, n));
  for (const a of qOnly) {
    const b = pOnly.find((x) => numberKind(wordOf(x)) === numberKind(wordOf(a)) && !rounded(wordOf(a), wordOf(x)) && sameSlot(q.tokens, a, p.tokens, x));
    if (b === undefined) continue;
    const keys = new Set([...qOnly, ...pOnly]);
    if (qNames.length > 0 && pNames.length > 0) return { kind: 'referent', reason: `other things: ${wordOf(a)} / ${wordOf(b)}, ${wordOf(qNames[0])} / ${wordOf(pNames[0])}`, keys };
    return { kind: 'number', reason: `number: ${wordOf(a)} / ${wordOf(b)}`, keys };
  }
  for (const a of qNames) {
    // A name for a name of the same length ("Mike Pompeo" / "Rex Tillerson", "Singapore" / "Hanoi"); another way
    // of naming one thing mostly differs in length ("the White House" / "Bush", "Pentagon" / "Defense Department").
    const b = pNames.find((x) => sameSlot(q.tokens, a, p.tokens, x) && nameLength(q.tokens, a) === nameLength(p.tokens, x));
    if (b !== undefined) return { kind: 'name', reason: `name: ${wordOf(a)} / ${wordOf(b)}`, keys: new Set([...qNames, ...pNames]) };
  }
  // The side without "not" may say it in a word ("failed to", "declined to", "unknown"): no conflict then.
  const plain = q.negated ? p : q;
  if (q.negated !== p.negated && !someKey(plain.keys, plain.content, plain.contentCount, (t) => t >= 0 && IMPLICIT_NEGATIONS.has(wordOf(t)))) return { kind: 'negation', reason: `negation: ${q.negated ? 'only the article' : 'only the other document'} says "not"`, keys: new Set([NEGATION_KEY]) };
  return null;
}

// The keys of the run keys[from, from + count) that pass `keep`, in order.
function keysWhere(keys: Int32Array, from: number, count: number, keep: (key: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i < from + count; i++) if (keep(keys[i])) out.push(keys[i]);
  return out;
}

// Whether a key of the run keys[from, from + count) passes `test`.
function someKey(keys: Int32Array, from: number, count: number, test: (key: number) => boolean): boolean {
  for (let i = from; i < from + count; i++) if (test(keys[i])) return true;
  return false;
}

// Words that carry a negation in their meaning.
const IMPLICIT_NEGATIONS = new Set(
  'fail failure decline refuse refusal deny denial unable unknown without lack remove reject absent avoid prevent halt cancel drop instead neither nor never none nobody nothing'
    .split(' ')
    .map(stem),
);

// The number of words in the run of capitalised words holding term t (a name of several words counts whole).
function nameLength(tokens: Uint32Array, t: number): number {
  const i = tokens.findIndex((w) => (w & TERM_MASK) === t);
  if (i < 0) return 0;
  const capitalized = (k: number): boolean => k >= 0 && k < tokens.length && ((tokens[k] >>> FLAG_SHIFT) & TOKEN_CAPITALIZED) !== 0;
  let start = i;
  let end = i;
  while (capitalized(start - 1)) start--;
  while (capitalized(end + 1)) end++;
  return end - start + 1;
}

const TITLES = new Set(
  'miss mist mrs ms mr dr prof adm admiral gen general sen senator rep gov governor lt col sgt capt president presid chairman chief minister secretary secretari judge justice rev king queen prince princ lord sir'.split(' '),
);

// Spelling variants of one name: trigram overlap, or at most two edits apart. The same few names of a story are
// compared for candidate after candidate, so answers are kept (a bounded table: it is cleared when full).
const similarNames = new Map<string, boolean>();

function nameSimilar(a: string, b: string): boolean {
  const key = `${a}\n${b}`;
  let similar = similarNames.get(key);
  if (similar === undefined) {
    if (similarNames.size >= 100_000) similarNames.clear();
    similarNames.set(key, (similar = spellingVariants(a, b)));
  }
  return similar;
}

function spellingVariants(a: string, b: string): boolean {
  if (trigramDice(a, b) >= 0.5) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

// True when terms a (in x) and b (in y) have the same nearest content word before them, or after them.
function sameSlot(x: Uint32Array, a: number, y: Uint32Array, b: number): boolean {
  const i = x.findIndex((w) => (w & TERM_MASK) === a);
  const j = y.findIndex((w) => (w & TERM_MASK) === b);
  if (i < 0 || j < 0) return false;
  const neighbour = (t: Uint32Array, k: number, step: number): number => {
    for (let n = k + step; n >= 0 && n < t.length; n += step) {
      const w = t[n];
      if (((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0 && (w & TERM_MASK) !== (t[k] & TERM_MASK)) return w & TERM_MASK;
    }
    return -1;
  };
  const before = neighbour(x, i, -1);
  const after = neighbour(x, i, 1);
  return (before >= 0 && before === neighbour(y, j, -1)) || (after >= 0 && after === neighbour(y, j, 1));
}

// One figure given to fewer decimals is the other rounded ("$6.3 billion" / "$6.32 billion", "6 percent" / "6.3
// percent"), no conflict; at the same precision any difference is one.
function rounded(a: string, b: string): boolean {
  if (!/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) return false;
  const decimals = (n: string): number => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0);
  const [coarse, fine] = decimals(a) < decimals(b) ? [a, b] : decimals(b) < decimals(a) ? [b, a] : [null, null];
  if (coarse === null || fine === null) return false;
  return Number(Number(fine).toFixed(decimals(coarse))) === Number(coarse);
}

// Numbers are only compared with numbers of the same kind: a year with a year, a day with a day.
function numberKind(n: string): string {
  if (/^(1[89]|20)\d\d$/.test(n)) return 'year';
  if (/^\d+(st|nd|rd|th)$/.test(n)) return 'ordinal';
  if (/[a-z]/.test(n)) return 'unit';
  if (n.includes('.')) return 'decimal';
  return Number(n) <= 31 ? 'small' : 'count';
}
