import { contentWords, words } from './corpus/terms';
import type { Span } from './types';

/** Spans of the words of `passage` that also occur, as content words, in `query` (what a hover emphasises). */
export function sharedWords(query: string, passage: string): Span[] {
  const wanted = new Set(contentWords(query));
  const spans: Span[] = [];
  if (wanted.size === 0) return spans;
  for (const m of passage.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'`-]*/gu)) {
    if (termsOf(m[0]).some((w) => wanted.has(w))) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

// The terms of a word as `words` gives them (a hyphenated word's parts apart), remembered: a hover shows up to eight
// passages, and tokenizing each of their words anew was a third of rendering one.
const termsOfWord = new Map<string, readonly string[]>();
const REMEMBERED = 50_000;

function termsOf(word: string): readonly string[] {
  let terms = termsOfWord.get(word);
  if (terms === undefined) {
    if (termsOfWord.size >= REMEMBERED) termsOfWord.clear();
    terms = words(word.replace(/-/g, ' '));
    termsOfWord.set(word, terms);
  }
  return terms;
}
