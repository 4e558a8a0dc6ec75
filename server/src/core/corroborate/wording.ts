// How the words of an article's quote compare with the words of another document: found there word for word
// (exact), the other document quotes a piece of it (fragment), or it quotes something close but different
// (partial: "a sign of good faith" / "a sign of goodwill" / "a pledge of good faith").
//
// Words are compared as folded terms (case, punctuation and curly/straight quotes never matter); closeness of
// different wordings is measured on characters, so "goodwill" is near "good faith".

import { FLAG_SHIFT, TERM_MASK } from '../corpus/corpus';
import { TOKEN_QUOTED, TOKEN_STOPWORD } from '../corpus/terms';
import { UNKNOWN_TERM } from './features';

export type WordingMatch = 'exact' | 'fragment' | 'partial' | 'none';

/** The result of comparing a quote's words with a passage. */
export interface Wording {
  match: WordingMatch;
  /** 0..1: character similarity of the two wordings (1 for exact). */
  similarity: number;
  /** Token range [from, to) of the passage's wording that was compared. */
  from: number;
  to: number;
}

const term = (w: number): number => w & TERM_MASK;
const isQuoted = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_QUOTED) !== 0;
const isContent = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0;

/**
 * Compares the quote's tokens with a passage's tokens. `quoteText` and `passageText` are the folded surface words
 * (same length as the token arrays) used for the character comparison of near wordings.
 */
export function compareWording(quote: Uint32Array, quoteWords: readonly string[], passage: Uint32Array, passageWords: readonly string[]): Wording {
  const none: Wording = { match: 'none', similarity: 0, from: 0, to: 0 };
  if (quote.length === 0 || passage.length === 0) return none;
  const at = indexOfRun(passage, quote);
  if (at >= 0) return { match: 'exact', similarity: 1, from: at, to: at + quote.length };
  let best = none;
  for (const [from, to] of quotedRuns(passage)) {
    const run = passage.subarray(from, to);
    let content = 0;
    for (const w of run) if (isContent(w)) content++;
    if (content > 0 && indexOfRun(quote, run) >= 0) {
      const similarity = (to - from) / quote.length;
      if (best.match !== 'fragment' || similarity > best.similarity) best = { match: 'fragment', similarity, from, to };
      continue;
    }
    if (best.match === 'fragment') continue;
    // Compare with the part of the quoted run that lines up best with the quote (a long quote may hold it).
    const window = bestWindow(quoteWords.join(' '), quote.length, passageWords.slice(from, to));
    if (window.similarity > best.similarity) best = { match: 'partial', similarity: window.similarity, from: from + window.from, to: from + window.to };
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

// The window of `run` (about the quote's length, or all of it when short) most like the quote, by trigrams.
function bestWindow(quote: string, length: number, run: readonly string[]): { from: number; to: number; similarity: number } {
  if (run.length <= length + 1) return { from: 0, to: run.length, similarity: trigramDice(quote, run.join(' ')) };
  let best = { from: 0, to: 0, similarity: -1 };
  for (let width = Math.max(1, length - 1); width <= length + 1; width++) {
    for (let i = 0; i + width <= run.length; i++) {
      const similarity = trigramDice(quote, run.slice(i, i + width).join(' '));
      if (similarity > best.similarity) best = { from: i, to: i + width, similarity };
    }
  }
  return best;
}

/** Dice coefficient of the character trigrams of two strings (spaces kept, so word boundaries count). */
export function trigramDice(a: string, b: string): number {
  const grams = (s: string): Map<string, number> => {
    const t = ` ${s} `;
    const m = new Map<string, number>();
    for (let i = 0; i + 3 <= t.length; i++) {
      const g = t.slice(i, i + 3);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
