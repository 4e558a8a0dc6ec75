// Splits a corpus document into passages: its sentences, plus every quotation that runs over more than one
// sentence. A light, single-pass splitter: the corpus may hold tens of thousands of articles, so it does not run
// the full article analysis (which the open article gets).

/** A sentence or a multi-sentence quotation of a corpus document; offsets are UTF-16, half-open. */
export interface PassageSpan {
  start: number;
  end: number;
  kind: 'sentence' | 'quote';
}

/** The passages of a document and its quotation spans, in text order. */
export interface DocumentSplit {
  passages: PassageSpan[];
  /** [start, end) pairs of text inside quotation marks, marks included. */
  quotes: number[];
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sen rep gov gen lt col maj sgt capt cmdr adm st jr sr inc ltd co corp dept univ ' +
    'no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rev hon pres supt').split(' '),
);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a);
const isBreak = (c: number): boolean => c === 10 || c === 13;
const isClosing = (c: number): boolean => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
const isOpening = (c: number): boolean => c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 91;
const isTerminal = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** The characters splitParagraph stops at: quotation marks and terminal marks. */
const MARK = /["\u201c\u201d.!?\u2026]/g;

/**
 * The next quotation or terminal mark of a text at or after a position, found by a regular expression (compiled to
 * machine code that skips to the next mark several times faster than a loop over every character, which was most
 * of the splitter's time). Positions asked for never go back, so a mark found past a paragraph's end is kept for
 * the next paragraph rather than searched for again.
 */
class MarkFinder {
  private found = -1;

  constructor(private readonly text: string) {}

  /** The position of the first mark at or after `from`, or Infinity. */
  from(from: number): number {
    if (this.found >= from) return this.found;
    MARK.lastIndex = from;
    this.found = MARK.test(this.text) ? MARK.lastIndex - 1 : Infinity;
    return this.found;
  }
}

/** Splits a document into sentence passages (never across a line break) and multi-sentence quote passages. */
export function splitPassages(text: string): DocumentSplit {
  const passages: PassageSpan[] = [];
  const quotes: number[] = [];
  const n = text.length;
  // Without a carriage return, line ends are found by indexOf (native, much faster than a loop over characters).
  const onlyNewlines = text.indexOf('\r') < 0;
  const breakFrom = (from: number): number => {
    if (onlyNewlines) {
      const at = text.indexOf('\n', from);
      return at < 0 ? n : at;
    }
    let e = from;
    while (e < n && !isBreak(text.charCodeAt(e))) e++;
    return e;
  };
  const marks = new MarkFinder(text);
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = breakFrom(lineStart);
    // A hard-wrapped paragraph continues when the next line starts in lower case.
    while (lineEnd < n) {
      let next = lineEnd;
      if (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10) next += 2;
      else next++;
      const c = text.charCodeAt(next);
      if (next >= n || !isLower(c)) break;
      lineEnd = breakFrom(next);
    }
    splitParagraph(text, lineStart, lineEnd, passages, quotes, marks);
    lineStart = lineEnd;
    while (lineStart < n && isBreak(text.charCodeAt(lineStart))) lineStart++;
  }
  return { passages, quotes };
}

function splitParagraph(text: string, start: number, end: number, out: PassageSpan[], quotes: number[], marks: MarkFinder): void {
  const firstSentence = out.length;
  let sentenceStart = start;
  let quoteOpen = -1;
  const paragraphQuotes: number[] = [];
  // Only quotation and terminal marks matter here: the loop goes from one to the next.
  for (let i = marks.from(start); i < end; i = marks.from(i + 1)) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || (c === 34 && quoteOpen < 0)) {
      if (quoteOpen < 0 || c === 0x201c) quoteOpen = i;
      continue;
    }
    if ((c === 0x201d || c === 34) && quoteOpen >= 0) {
      paragraphQuotes.push(quoteOpen, i + 1);
      quoteOpen = -1;
    }
    if (!isTerminal(c)) continue;
    // Sentence end: terminal marks, closing quotes or brackets, then space and a capital, digit or opening mark.
    let j = i + 1;
    while (j < end && isTerminal(text.charCodeAt(j))) j++;
    let closeEnd = j;
    while (closeEnd < end && isClosing(text.charCodeAt(closeEnd))) closeEnd++;
    let k = closeEnd;
    if (k < end && !isSpace(text.charCodeAt(k))) {
      i = j - 1;
      continue;
    }
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    const next = k < end ? text.charCodeAt(k) : 65;
    if (!(isUpper(next) || (next >= 48 && next <= 57) || isOpening(next) || next === 0x2014)) {
      i = j - 1;
      continue;
    }
    if (c === 46 && j === i + 1 && k < end && isAbbreviation(text, sentenceStart, i)) continue;
    // A closing quote mark after the terminal also closes the quotation.
    for (let q = j; q < closeEnd; q++) {
      const qc = text.charCodeAt(q);
      if ((qc === 0x201d || qc === 34) && quoteOpen >= 0) {
        paragraphQuotes.push(quoteOpen, q + 1);
        quoteOpen = -1;
      }
    }
    if (k >= end) break;
    pushTrimmed(text, sentenceStart, closeEnd, 'sentence', out);
    sentenceStart = k;
    i = k - 1;
  }
  pushTrimmed(text, sentenceStart, end, 'sentence', out);
  for (let q = 0; q < paragraphQuotes.length; q += 2) {
    const qs = paragraphQuotes[q];
    const qe = paragraphQuotes[q + 1];
    quotes.push(qs, qe);
    let spans = 0;
    for (let s = firstSentence; s < out.length; s++) if (out[s].start < qe && out[s].end > qs) spans++;
    if (spans > 1) out.push({ start: qs, end: qe, kind: 'quote' });
  }
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let w = dot;
  while (w > sentenceStart && isWordLetter(text.charCodeAt(w - 1))) w--;
  if (dot - w === 1 && isUpper(text.charCodeAt(w))) return true; // an initial: "John F. Kennedy", "U.S."
  if (w > sentenceStart && text.charCodeAt(w - 1) === 46) return true; // "U.S." / "a.m."
  // (Most words before a full stop are longer than any abbreviation: no string is made for them.)
  return dot - w <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(w, dot).toLowerCase());
}

const isWordLetter = (c: number): boolean => isUpper(c) || isLower(c);

function pushTrimmed(text: string, start: number, end: number, kind: PassageSpan['kind'], out: PassageSpan[]): void {
  while (start < end && (isSpace(text.charCodeAt(start)) || isBreak(text.charCodeAt(start)))) start++;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || isBreak(text.charCodeAt(end - 1)))) end--;
  // A stray quotation mark or dash is not a passage.
  if (end > start && hasWord(text, start, end)) out.push({ start, end, kind });
}

function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || isUpper(c) || isLower(c) || (c >= 0x100 && HAS_WORD.test(text[i]))) return true;
  }
  return false;
}

const HAS_WORD = /[\p{L}\p{N}]/u;
