import type { Attribution, AttributionStrength, Quote, Sentence, TextSpan } from '../types';

// A first, pattern-based extractor: "<source> <cue>" or "<cue> <source>" around a cue verb.
const CUE = /\b(said|says|told|added|adding|wrote|announced|confirmed|noted|insisted|according to)\b/g;
const PRONOUNS = new Set(['he', 'she', 'they', 'He', 'She', 'They']);
const NAME_RUN = /((?:[A-Z][\w’'.-]+\s+)*[A-Z][\w’'.-]+)\s*$/;

/** Finds (source, cue, content) triples sentence by sentence and resolves who each source is. */
export function extractAttributions(text: string, sentences: Sentence[], quotes: Quote[]): Attribution[] {
  const out: Attribution[] = [];
  const people: string[] = [];
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    CUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    const quoted = (at: number) => quotes.some((q) => q.start <= at && at < q.end);
    while ((m = CUE.exec(body)) && quoted(s.start + m.index));
    if (!m) continue;
    const cueStart = s.start + m.index;
    const cue = span(text, cueStart, cueStart + m[0].length);
    const source = findSource(text, s, cue);
    const content = findContent(text, s, cue, quotes);
    const speaker = source ? resolve(source.text, people) : null;
    if (speaker && /\s/.test(speaker)) people.push(speaker);
    out.push({ source, speaker, cue, content, strength: strength(source, speaker) });
  }
  return out;
}

function findSource(text: string, s: Sentence, cue: TextSpan): TextSpan | null {
  if (cue.text === 'according to') {
    const after = /^\s+((?:the\s+)?(?:[A-Z][\w’'.-]+\s*)+)/.exec(text.slice(cue.end, s.end));
    return after ? span(text, cue.end + after[0].length - after[1].length, cue.end + after[0].length).trimmed() : null;
  }
  const before = text.slice(s.start, cue.start);
  const nm = NAME_RUN.exec(before);
  if (nm) return span(text, s.start + nm.index, s.start + nm.index + nm[1].length);
  const pm = /\b(he|she|they|He|She|They)\s*$/.exec(before);
  if (pm) return span(text, s.start + pm.index, s.start + pm.index + pm[1].length);
  const after = /^\s+((?:[A-Z][\w’'.-]+\s*)+)/.exec(text.slice(cue.end, s.end));
  if (after) return span(text, cue.end + after[0].length - after[1].length, cue.end + after[0].length).trimmed();
  return null;
}

function findContent(text: string, s: Sentence, cue: TextSpan, quotes: Quote[]): TextSpan | null {
  const inside = quotes.find((q) => q.start >= s.start && q.end <= s.end);
  if (inside) return span(text, inside.start, inside.end);
  const rest = text.slice(cue.end, s.end).replace(/^\s*(that\s+)?/, '');
  if (!rest.trim()) return null;
  return span(text, s.end - rest.length, s.end).trimmed();
}

function resolve(source: string, people: string[]): string | null {
  if (PRONOUNS.has(source)) return people.at(-1) ?? null;
  const last = source.split(/\s+/).at(-1) ?? source;
  const known = people.findLast((p) => p.endsWith(last));
  if (known) return known;
  const name = /((?:[A-Z][a-z’'-]+\s+)*[A-Z][a-z’'-]+)$/.exec(source)?.[1];
  return name ?? null;
}

function strength(source: TextSpan | null, speaker: string | null): AttributionStrength {
  if (!source) return 'none';
  if (speaker && /\s/.test(speaker)) return 'person';
  if (/^(the\s+)?[A-Z]/.test(source.text)) return 'organization';
  return 'anonymous';
}

function span(text: string, start: number, end: number): TextSpan & { trimmed(): TextSpan } {
  return {
    start,
    end,
    text: text.slice(start, end),
    trimmed() {
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /[\s,.]/.test(text[e - 1])) e--;
      return { start: s, end: e, text: text.slice(s, e) };
    },
  };
}

/** Links each quote to the attribution of its sentence, or of the sentence just before (a floating quote). */
export function linkQuotes(quotes: Quote[], sentences: Sentence[], attributions: Attribution[]): void {
  for (const q of quotes) {
    if (q.kind === 'scare') continue;
    let idx = attributions.findIndex((a) => a.content && a.content.start <= q.start && a.content.end >= q.end);
    if (idx < 0) {
      const si = sentences.findIndex((s) => s.start <= q.start && q.start < s.end);
      const sentence = sentences[si];
      idx = attributions.findIndex((a) => sentence && a.cue.start >= sentence.start && a.cue.end <= sentence.end);
      if (idx < 0 && si > 0) {
        const prev = sentences[si - 1];
        idx = attributions.findIndex((a) => a.cue.start >= prev.start && a.cue.end <= prev.end);
      }
    }
    q.attribution = idx >= 0 ? idx : null;
  }
}
