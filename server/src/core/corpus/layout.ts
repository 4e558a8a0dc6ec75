// A document's layout: its passages and quotation spans (passages.ts) with each passage's UTF-8 offset and line
// (textWalk.ts). It depends on the text alone, not on the corpus, so it can be worked out apart from indexing: by
// Corpus.set itself, or ahead of it on another thread while the corpus indexes the previous document.
import { splitPassages } from './passages';
import { TextWalk } from './textWalk';

/** Numbers per passage in DocumentLayout.passages. */
export const LAYOUT_STRIDE = 5;
/** DocumentLayout.passages[5p + 2]: the passage is a sentence… */
export const LAYOUT_SENTENCE = 0;
/** …or a quotation over several sentences. */
export const LAYOUT_QUOTE = 1;

/** Where a document's passages are, as plain numbers (which go to another thread without copying object by object). */
export interface DocumentLayout {
  /** Per passage, in the order the corpus keeps them: UTF-16 start, end, LAYOUT_SENTENCE or LAYOUT_QUOTE, UTF-8 offset and 0-based line of its start. */
  passages: Uint32Array;
  /** [start, end) pairs of text inside quotation marks, marks included, in text order. */
  quotes: Uint32Array;
}

/** The layout of a text; `ascii`: the text is all ASCII, so a position is its own UTF-8 offset (false is always correct). */
export function layoutOf(text: string, ascii: boolean): DocumentLayout {
  const { passages, quotes } = splitPassages(text);
  const out = new Uint32Array(LAYOUT_STRIDE * passages.length);
  // Passages come in order of their start, but for a quote over several sentences, which comes after them: the
  // walk then starts again from the top.
  const walk = new TextWalk(text, ascii);
  for (let p = 0; p < passages.length; p++) {
    const span = passages[p];
    walk.to(span.start);
    const at = LAYOUT_STRIDE * p;
    out[at] = span.start;
    out[at + 1] = span.end;
    out[at + 2] = span.kind === 'quote' ? LAYOUT_QUOTE : LAYOUT_SENTENCE;
    out[at + 3] = walk.byte;
    out[at + 4] = walk.lineNumber;
  }
  return { passages: out, quotes: Uint32Array.from(quotes) };
}
