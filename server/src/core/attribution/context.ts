import type { Token } from '../text/tokens';
import type { Attribution, AttributionKind, Quote, TextSpan } from '../types';
import type { Range } from './phrases';

// What the extractors share while reading one article: its tokens, its quotes, and span helpers.

/** An attribution before speakers are resolved: token ranges kept for resolution. */
export interface FoundAttribution extends Attribution {
  sourceTokens: Range | null;
}

/**
 * An attribution as an extractor finds it, from token ranges: the source's tokens (kept for resolving who speaks)
 * and the cue's [cs, ce). Speaker, name and strength are filled in by speaker resolution, `within` by nesting.
 */
export function found(ctx: Context, source: Range | null, cs: number, ce: number, content: TextSpan | null, sentence: number, kind: AttributionKind): FoundAttribution {
  return { source: source ? spanOf(ctx, source[0], source[1]) : null, sourceTokens: source, speaker: null, name: null, cue: spanOf(ctx, cs, ce), content, strength: 'none', sentence, kind, within: null };
}

/** One article being read: tokens, quotes, and the cue lexicon as sets of lemmas. */
export interface Context {
  text: string;
  tokens: Token[];
  quotes: Quote[];
  /** Per token: index of the quote it lies in, or -1. */
  quoteOf: Int32Array;
  quoteEnds: Set<number>;
  speech: Set<string>;
  belief: Set<string>;
  nouns: Set<string>;
  /** The token the learned tagger proposed as a cue while it is being read, else -1. */
  forced: number;
  /** Lemmas the user took out of the lexicon: the tagger proposes none of them. */
  barred: Set<string>;
}

/** Per token, the index of the quote it lies in, or -1. */
export function quoteIndex(tokens: Token[], quotes: Quote[]): Int32Array {
  const of = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (q < quotes.length && quotes[q].end <= tokens[i].start) q++;
    if (q < quotes.length && quotes[q].start <= tokens[i].start) of[i] = q;
  }
  return of;
}

/** Whether token `i` is the closing mark of a quote (whatever its glyph). */
export function isCloseQuote(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  return !!t && t.pos === 'PUNCT' && ctx.quoteEnds.has(t.end);
}

/** A quote as a text span, marks included. */
export function quoteSpan(text: string, q: Quote): TextSpan {
  return { start: q.start, end: q.end, text: text.slice(q.start, q.end) };
}

/** The text span of tokens [i, j). */
export function spanOf(ctx: Context, i: number, j: number): TextSpan {
  const start = ctx.tokens[i].start;
  const end = ctx.tokens[j - 1].end;
  return { start, end, text: ctx.text.slice(start, end) };
}

/** The span [start, end) without surrounding spaces and commas, or null when nothing is left. */
export function spanTrim(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /[\s,]/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}
