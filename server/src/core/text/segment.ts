import type { Paragraph, Sentence } from '../types';

/** Paragraphs are runs of non-blank lines; offsets exclude surrounding whitespace. */
export function segmentParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let start = -1;
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length > 0) {
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim().length === 0) {
      if (start >= 0) paragraphs.push(trimmed(text, start, end, paragraphs.length));
      start = -1;
    } else {
      if (start < 0) start = m.index;
      end = m.index + line.length;
    }
  }
  if (start >= 0) paragraphs.push(trimmed(text, start, end, paragraphs.length));
  return paragraphs.filter((p) => p.end > p.start);
}

function trimmed(text: string, start: number, end: number, index: number): Paragraph {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, index };
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen lt col sgt capt st jr sr inc ltd co corp dept u.s u.k u.n e.g i.e vs etc jan feb mar apr jun jul aug sep sept oct nov dec no pp d r i'.split(' '),
);

/** Splits each paragraph into sentences at terminal punctuation, skipping common abbreviations. */
export function segmentSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    let start = p.start;
    const re = /[.!?…]+["”’')\]]*(?=\s+|$)/g;
    re.lastIndex = p.start;
    let m: RegExpExecArray | null;
    const body = text.slice(0, p.end);
    while ((m = re.exec(body))) {
      const end = m.index + m[0].length;
      const before = body.slice(start, m.index);
      const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      const next = /^\s+(\S)/.exec(body.slice(end))?.[1] ?? '';
      if (m[0] === '.' && ABBREVIATIONS.has(word.replace(/\.$/, ''))) continue;
      if (next && /[a-z]/.test(next)) continue;
      pushSentence(text, start, end, p.index, sentences);
      start = end;
    }
    pushSentence(text, start, p.end, p.index, sentences);
  }
  return sentences;
}

function pushSentence(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, paragraph, index: out.length });
}
