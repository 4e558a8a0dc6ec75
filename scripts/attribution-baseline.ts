// The naive regex extractor the attribution engine replaced, kept as the floor `eval:attribution`
// reports beside the real engine: a cue word, the capitalised run before it, the rest of the sentence.
import type { Sentence, Span } from '../server/src/core/types';

export interface BaselineAttribution {
  cue: Span;
  source: Span | null;
  content: Span | null;
}

const CUE = /\b(said|says|told|added|adding|wrote|announced|confirmed|noted|insisted|according to)\b/g;

/** Finds at most one (source, cue, content) per sentence with regular expressions only. */
export function baselineAttributions(text: string, sentences: Sentence[]): BaselineAttribution[] {
  const out: BaselineAttribution[] = [];
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    CUE.lastIndex = 0;
    const m = CUE.exec(body);
    if (!m) continue;
    const cue = { start: s.start + m.index, end: s.start + m.index + m[0].length };
    const before = /((?:[A-Z][\w’'.-]+\s+)*[A-Z][\w’'.-]+|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s*$/.exec(body.slice(0, m.index));
    const after = /^\s+((?:[A-Z][\w’'.-]+\s*)+)/.exec(body.slice(m.index + m[0].length));
    let source: Span | null = null;
    if (m[0] !== 'according to' && before) source = { start: s.start + before.index, end: s.start + before.index + before[1].length };
    else if (after) {
      const st = cue.end + after[0].length - after[1].length;
      source = { start: st, end: st + after[1].trimEnd().length };
    }
    const quote = /[“"][^”"]+[”"]/.exec(body);
    let content: Span | null = null;
    if (quote) content = { start: s.start + quote.index, end: s.start + quote.index + quote[0].length };
    else if (cue.end < s.end - 1) content = { start: cue.end + 1, end: s.end };
    out.push({ cue, source, content });
  }
  return out;
}
