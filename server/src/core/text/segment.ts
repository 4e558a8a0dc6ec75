import type { Paragraph, Sentence } from '../types';
import { isAbbreviation, isSentenceStarter } from './abbreviations';

// Light, regex-free scanners: the corpus segments every document with these, so they must stay
// fast (tens of MB/s) and allocate little. The heavier token layer (tokens.ts) runs only on the
// article being read.

const NL = 10;
const CR = 13;

/**
 * Paragraphs: blocks separated by blank lines; inside a block, a line break also ends a paragraph
 * when the line before it is finished (terminal punctuation or a short heading) and the next line
 * starts like a new paragraph. Offsets exclude surrounding whitespace.
 */
export function segmentParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = -1;
  let lastEnd = -1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === NL || c === CR) break;
      j++;
    }
    const [ls, le] = trimRange(text, i, j);
    if (le <= ls) {
      if (start >= 0) push(paragraphs, start, lastEnd);
      start = -1;
    } else {
      if (start >= 0 && lineEndsParagraph(text, start, lastEnd) && lineStartsParagraph(text, ls)) {
        push(paragraphs, start, lastEnd);
        start = -1;
      }
      if (start < 0) start = ls;
      lastEnd = le;
    }
    if (j >= n) break;
    i = text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === NL ? j + 2 : j + 1;
  }
  if (start >= 0) push(paragraphs, start, lastEnd);
  return paragraphs;
}

function push(out: Paragraph[], start: number, end: number): void {
  out.push({ start, end, index: out.length });
}

/** Whether the line ending at `end` closes a paragraph: it ends a sentence, or it is a short heading. */
function lineEndsParagraph(text: string, blockStart: number, end: number): boolean {
  const last = text[end - 1];
  if ('.!?…"”’:)'.includes(last)) return true;
  let lineStart = end;
  while (lineStart > blockStart && text.charCodeAt(lineStart - 1) !== NL && text.charCodeAt(lineStart - 1) !== CR) lineStart--;
  return end - lineStart < 60;
}

function lineStartsParagraph(text: string, start: number): boolean {
  const c = text[start];
  return isUpper(c) || c === '“' || c === '"' || c === '‘' || isDigit(c) || c === '-' || c === '•' || c === '*';
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

const CLOSERS = '"”’\')]»';

/**
 * Splits each paragraph into sentences at terminal punctuation (with any closing quotes or brackets),
 * except after abbreviations ("U.S.", "Sept.", "Gov.", "(D-Mass.)"), initials ("John F. Kennedy"),
 * and when the next word is lower-case (`?” he asked`, `… and then`).
 */
export function segmentSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    let start = p.start;
    let i = p.start;
    while (i < p.end) {
      const c = text[i];
      if (c !== '.' && c !== '!' && c !== '?' && c !== '…') {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < p.end && (text[end] === '.' || text[end] === '!' || text[end] === '?' || text[end] === '…')) end++;
      while (end < p.end && CLOSERS.includes(text[end])) end++;
      if (end < p.end && !isSpace(text.charCodeAt(end))) {
        i = end;
        continue;
      }
      if (end < p.end && !isBoundary(text, i, end, p.end)) {
        i = end;
        continue;
      }
      pushSentence(text, start, end, p.index, sentences);
      start = end;
      i = end;
    }
    pushSentence(text, start, p.end, p.index, sentences);
  }
  return sentences;
}

/** Decides whether the terminal mark at `mark` (its run ending at `end`, before whitespace) ends a sentence. */
function isBoundary(text: string, mark: number, end: number, limit: number): boolean {
  let next = end;
  while (next < limit && isSpace(text.charCodeAt(next))) next++;
  const nc = text[next];
  // `?” he asked`, `Gov. ... (D-Mass.) said`, `… and`: a lower-case continuation never starts a sentence.
  if (isLower(nc)) return false;
  if (text[mark] !== '.' || end - mark > 1 && text[mark + 1] === '.') return true;
  if (end > mark + 1 && text[end - 1] === ')') {
    // "(D-Mass.) The": the period belongs to the bracketed abbreviation.
    return isSentenceStarter(wordAt(text, next, limit));
  }
  const word = wordBefore(text, mark);
  if (word.length === 0) return true;
  if (word.length === 1 && isUpper(word)) {
    // An initial ("John F. Kennedy", "Plan B. The") ends a sentence only before a sentence-starting word.
    return isSentenceStarter(wordAt(text, next, limit));
  }
  if (word.includes('.')) {
    // "U.S.", "D.C.", "a.m.": a sentence may end there, but only before a clear sentence starter.
    return isSentenceStarter(wordAt(text, next, limit));
  }
  const kind = isAbbreviation(word);
  if (kind === 'title') return false;
  if (kind === 'before-number') return !isDigit(nc);
  if (kind === 'other') return isSentenceStarter(wordAt(text, next, limit));
  return true;
}

/** The word ending just before `mark`, with inner periods ("U.S" for "U.S."), or '' after a non-letter. */
function wordBefore(text: string, mark: number): string {
  let s = mark;
  while (s > 0) {
    const c = text[s - 1];
    if (isLetter(c) || (c === '.' && s - 2 >= 0 && isLetter(text[s - 2]))) s--;
    else break;
  }
  return text.slice(s, mark);
}

function wordAt(text: string, start: number, limit: number): string {
  let s = start;
  while (s < limit && (text[s] === '“' || text[s] === '"' || text[s] === '‘' || text[s] === '(')) s++;
  let e = s;
  while (e < limit && isLetter(text[e])) e++;
  return text.slice(s, e);
}

/**
 * The longest sentence kept whole. News sentences run to a few hundred characters (the longest of PolNeAR's 30,000,
 * 1,094); a longer run without a stop (a transcript, a list, minified text) is cut at spaces into pieces of at most
 * this, because the work on one sentence grows faster than its length.
 */
export const MAX_SENTENCE_CHARS = 1_200;

function pushSentence(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let [s, e] = trimRange(text, start, end);
  while (e - s > MAX_SENTENCE_CHARS) {
    let cut = s + MAX_SENTENCE_CHARS;
    while (cut > s + MAX_SENTENCE_CHARS / 2 && !isSpace(text.charCodeAt(cut))) cut--;
    if (!isSpace(text.charCodeAt(cut))) cut = s + MAX_SENTENCE_CHARS - (isHighSurrogate(text.charCodeAt(s + MAX_SENTENCE_CHARS - 1)) ? 1 : 0);
    const [ps, pe] = trimRange(text, s, cut);
    if (pe > ps) out.push({ start: ps, end: pe, paragraph, index: out.length });
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) out.push({ start: s, end: e, paragraph, index: out.length });
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === NL || c === CR || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLower(c: string | undefined): boolean {
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && (isLower(c) || isUpper(c));
}
