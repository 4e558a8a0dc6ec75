import { contentWords, words } from './corpus/terms';
import type { Span } from './types';

/** Spans of the words of `passage` that also occur, as content words, in `query` (what a hover emphasises). */
export function sharedWords(query: string, passage: string): Span[] {
  const wanted = new Set(contentWords(query));
  const spans: Span[] = [];
  if (wanted.size === 0) return spans;
  for (const m of passage.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'`-]*/gu)) {
    const [word] = words(m[0].replace(/-/g, ' ')).filter((w) => wanted.has(w));
    if (word !== undefined) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
