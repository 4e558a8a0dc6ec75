// How the words of an article's quote compare with the words of another document: found there word for word
// (exact), the other document quotes a piece of it (fragment), or it quotes something close but different
// (partial: "a sign of good faith" / "a sign of goodwill" / "a pledge of good faith").
//
// Words are compared as folded terms (case, punctuation and curly/straight quotes never matter); closeness of
// different wordings is measured on characters, so "goodwill" is near "good faith".

import { FLAG_SHIFT, TERM_MASK } from '../corpus/corpus';
import { TOKEN_QUOTED, TOKEN_STOPWORD } from '../corpus/terms';
import { UNKNOWN_TERM } from './features';
import { dice } from './sortedKeys';

export type WordingMatch = 'exact' | 'fragment' | 'partial' | 'none';

/** The result of comparing a quote's words with a passage. */
export interface Wording {
  match: WordingMatch;
  /** 0..1: character similarity of the two wordings (1 for exact). */
  similarity: number;
  /** Token range [from, to) of the passage's wording that was compared. */
  from: number;
  to: number;
  /**
   * For `partial`: the passage's words are close to a piece of the quote only (a shorter run matched against
   * part of a longer quote). Only a confirmed speaker makes that one quote: a stock phrase
   * ("denuclearization of the Korean Peninsula") turns up inside many different quotes.
   */
  piece?: boolean;
}

const term = (w: number): number => w & TERM_MASK;
const isQuoted = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_QUOTED) !== 0;
const isContent = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0;

/** A quote prepared once for comparison with many passages. */
export interface QuoteWords {
  tokens: Uint32Array;
  /** The character trigrams of its words (stems) joined by spaces, counted. */
  grams: TrigramCounts;
  terms: Set<number>;
  words: readonly string[];
}

/** Prepares a quote (tokens and their stems) for compareWording. */
export function quoteWords(tokens: Uint32Array, words: readonly string[]): QuoteWords {
  return { tokens, words, grams: new TrigramCounts(words, 0, words.length), terms: new Set(Array.from(tokens, term)) };
}

/**
 * Compares a quote with a passage's tokens; `passageWords` are the passage's stems (same length as its tokens),
 * used for the character comparison of near wordings.
 */
export function compareWording(quote: QuoteWords, passage: Uint32Array, passageWords: readonly string[]): Wording {
  const none: Wording = { match: 'none', similarity: 0, from: 0, to: 0 };
  const q = quote.tokens;
  if (q.length === 0 || passage.length === 0) return none;
  const at = indexOfRun(passage, q);
  if (at >= 0) return { match: 'exact', similarity: 1, from: at, to: at + q.length };
  let best = none;
  for (const [from, to] of quotedRuns(passage)) {
    const run = passage.subarray(from, to);
    let content = 0;
    let sharedContent = 0;
    let shared = 0;
    for (const w of run) {
      const known = quote.terms.has(term(w));
      if (isContent(w)) {
        content++;
        if (known) sharedContent++;
      }
      if (known) shared++;
    }
    if (content > 0 && indexOfRun(q, run) >= 0) {
      const similarity = (to - from) / q.length;
      if (best.match !== 'fragment' || similarity > best.similarity) best = { match: 'fragment', similarity, from, to };
      continue;
    }
    // Another wording shares some words at least ("a sign of good faith" / "a sign of goodwill").
    if (best.match === 'fragment' || sharedContent === 0 || (shared < 3 && sharedContent < 2)) continue;
    const window = bestWindow(quote, run, passageWords, from);
    if (window.similarity > best.similarity) best = { match: 'partial', similarity: window.similarity, from: from + window.from, to: from + window.to, piece: window.piece };
  }
  return best;
}

// Where `needle` occurs in `hay` as a run of equal terms, or -1.
function indexOfRun(hay: Uint32Array, needle: Uint32Array): number {
  const n = needle.length;
  outer: for (let i = 0; i + n <= hay.length; i++) {
    for (let j = 0; j < n; j++) {
      const t = term(needle[j]);
      if (t === UNKNOWN_TERM || term(hay[i + j]) !== t) continue outer;
    }
    return i;
  }
  return -1;
}

/** Maximal runs [from, to) of tokens inside quotation marks. */
export function quotedRuns(tokens: Uint32Array): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const q = i < tokens.length && isQuoted(tokens[i]);
    if (q && start < 0) start = i;
    else if (!q && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

// The window of `run` (about the quote's length, or all of it when short) most like the quote, by trigrams;
// only windows holding the most words of the quote are compared. `words` are the passage's stems, the run's from `at`.
function bestWindow(quote: QuoteWords, run: Uint32Array, words: readonly string[], at: number): { from: number; to: number; similarity: number; piece: boolean } {
  const length = quote.tokens.length;
  if (run.length <= length + 1) {
    // A short quoted run: compare it with the quote, or with the part of a longer quote most like it.
    const whole = quote.grams.dice(words, at, at + run.length);
    let similarity = whole;
    if (run.length + 1 < length) {
      const runGrams = new TrigramCounts(words, at, at + run.length);
      for (let width = Math.max(1, run.length - 1); width <= run.length + 1; width++) {
        for (let i = 0; i + width <= quote.words.length; i++) similarity = Math.max(similarity, runGrams.dice(quote.words, i, i + width));
      }
    }
    return { from: 0, to: run.length, similarity, piece: similarity > whole };
  }
  let best = { from: 0, to: 0, similarity: -1, piece: false };
  for (let width = Math.max(1, length - 1); width <= length + 1; width++) {
    let count = 0;
    for (let i = 0; i < width; i++) if (quote.terms.has(term(run[i]))) count++;
    const counts = [count];
    for (let i = 1; i + width <= run.length; i++) {
      if (quote.terms.has(term(run[i - 1]))) count--;
      if (quote.terms.has(term(run[i + width - 1]))) count++;
      counts.push(count);
    }
    const most = Math.max(...counts);
    // The first few windows holding the most of the quote's words (repeated phrases make many ties).
    for (let i = 0, tried = 0; i < counts.length && tried < 3; i++) {
      if (counts[i] !== most) continue;
      tried++;
      const similarity = quote.grams.dice(words, at + i, at + i + width);
      if (similarity > best.similarity) best = { from: i, to: i + width, similarity, piece: false };
    }
  }
  return best;
}

/**
 * The character trigrams of words [from, to) joined by spaces, with a space either side (so word boundaries
 * count), as a multiset: a hash table of trigram → count. Dice against another run of words then reads that run's
 * characters once, with nothing to sort, allocate or cache (a report compares windows of many passages with each
 * quote; sorting each window's trigrams was a tenth of a report). The same value as trigramDice of the joined words.
 */
export class TrigramCounts {
  /** How many trigrams, repeats counted. */
  readonly size: number;
  private readonly keys: Float64Array;
  private readonly counts: Int32Array;
  /** Per slot: how many of its trigrams the comparison `usedIn` has matched so far (no clearing between comparisons). */
  private readonly used: Int32Array;
  private readonly usedIn: Int32Array;
  private comparisons = 0;
  private readonly mask: number;

  constructor(words: readonly string[], from: number, to: number) {
    const n = spell(words, from, to);
    this.size = Math.max(0, n - 2);
    let slots = 16;
    while (slots < 2 * this.size) slots <<= 1;
    this.mask = slots - 1;
    this.keys = new Float64Array(slots).fill(-1);
    this.counts = new Int32Array(slots);
    this.used = new Int32Array(slots);
    this.usedIn = new Int32Array(slots);
    const c = chars;
    for (let i = 0; i + 3 <= n; i++) {
      const key = c[i] * 4294967296 + c[i + 1] * 65536 + c[i + 2];
      let h = slotOf(c[i], c[i + 1], c[i + 2]) & this.mask;
      while (this.keys[h] !== -1 && this.keys[h] !== key) h = (h + 1) & this.mask;
      this.keys[h] = key;
      this.counts[h]++;
    }
  }

  /** Dice coefficient of these trigrams and those of words [from, to): 2·|a ∩ b| / (|a| + |b|), 0 when both are empty. */
  dice(words: readonly string[], from: number, to: number): number {
    const n = spell(words, from, to);
    const total = this.size + Math.max(0, n - 2);
    if (total === 0) return 0;
    const comparison = ++this.comparisons;
    const { keys, counts, used, usedIn, mask } = this;
    const c = chars;
    let shared = 0;
    for (let i = 0; i + 3 <= n; i++) {
      const key = c[i] * 4294967296 + c[i + 1] * 65536 + c[i + 2];
      let h = slotOf(c[i], c[i + 1], c[i + 2]) & mask;
      while (keys[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
      if (keys[h] === -1) continue;
      if (usedIn[h] !== comparison) {
        usedIn[h] = comparison;
        used[h] = 0;
      }
      if (used[h] < counts[h]) {
        used[h]++;
        shared++;
      }
    }
    return (2 * shared) / total;
  }
}

const slotOf = (a: number, b: number, c: number): number => Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c, 0xc2b2ae3d) >>> 15;

// The characters of " w1 w2 … wn " for words [from, to), written to `chars`; returns how many.
let chars = new Uint16Array(256);
function spell(words: readonly string[], from: number, to: number): number {
  let n = 1;
  for (let i = from; i < to; i++) n += words[i].length + 1;
  if (n > chars.length) chars = new Uint16Array(2 * n);
  const c = chars;
  c[0] = 32;
  let at = 1;
  for (let i = from; i < to; i++) {
    const w = words[i];
    for (let k = 0; k < w.length; k++) c[at++] = w.charCodeAt(k);
    c[at++] = 32;
  }
  return n;
}

/** Dice coefficient of the character trigrams of two strings (spaces kept, so word boundaries count). */
export function trigramDice(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

// Character trigrams as numbers (three UTF-16 units in 48 bits), sorted: a multiset to merge, no substrings or
// Maps to make (windows of many candidate passages are compared per quote).
function trigrams(s: string): Float64Array {
  const t = ` ${s} `;
  const out = new Float64Array(Math.max(0, t.length - 2));
  for (let i = 0; i + 3 <= t.length; i++) out[i] = t.charCodeAt(i) * 4294967296 + t.charCodeAt(i + 1) * 65536 + t.charCodeAt(i + 2);
  return out.sort();
}
