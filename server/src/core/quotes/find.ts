import type { Paragraph, Quote, QuoteKind, Sentence } from '../types';

const DOUBLE_OPEN = '“„«';
const DOUBLE_CLOSE = '”»';
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';

/**
 * Finds quotations paragraph by paragraph: curly or straight double quotes (single quotes inside them
 * belong to them), single quotes on their own, never an apostrophe ("Trump’s", "leaders’", "’90s").
 * A quote left open at the end of a paragraph continues when the next paragraph opens with a quote
 * mark (the newspaper convention for multi-paragraph quotes); otherwise it stops at the paragraph end.
 */
export function findQuotes(text: string, paragraphs: Paragraph[], sentences: Sentence[] = []): Quote[] {
  const quotes: Quote[] = [];
  let carried = -1;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    let open = carried;
    let single = -1;
    carried = -1;
    let i = p.start;
    // The opening mark of a continued paragraph repeats the quote, it does not start a new one.
    if (open >= 0 && isDoubleOpener(text, i)) i += text.startsWith("''", i) || text.startsWith('``', i) ? 2 : 1;
    // With an even number of double marks and nothing carried over, marks pair up in order whatever
    // their glyphs: translated text often flips them (Kim Jong-un, “said Sarah Sanders, saying it was” important “that).
    const alternate = open < 0 && evenMarks(text, i, p.end);
    for (; i < p.end; i++) {
      if (!isQuoteChar(text.charCodeAt(i))) continue;
      const c = text[i];
      // Two apostrophes or backticks stand for a double quote in some archives (''Quiet,'' he said).
      const pair = (c === "'" && text[i + 1] === "'") || (c === '`' && text[i + 1] === '`');
      if (c === '"' || pair || DOUBLE_OPEN.includes(c) || DOUBLE_CLOSE.includes(c)) {
        const width = pair ? 2 : 1;
        if (open < 0) {
          // A stray closing mark with nothing open is dropped; any other mark opens.
          if (alternate || !DOUBLE_CLOSE.includes(c)) open = i;
          single = -1;
        } else if (!alternate && (DOUBLE_OPEN.includes(c) || c === '`') && !closesHere(text, i + width - 1, p.end)) {
          open = i; // The earlier opener was never closed: start again here.
        } else {
          quotes.push(makeQuote(text, open, i + width));
          open = -1;
        }
        i += width - 1;
      } else if (open < 0 && (c === "'" || c === SINGLE_OPEN || c === SINGLE_CLOSE)) {
        if (isApostrophe(text, i, single >= 0)) continue;
        if (single < 0) {
          if (c !== SINGLE_CLOSE && opensHere(text, i, p.start)) single = i;
        } else if (c !== SINGLE_OPEN && closesHere(text, i, p.end)) {
          quotes.push(makeQuote(text, single, i + 1));
          single = -1;
        }
      }
    }
    if (open >= 0) {
      const next = paragraphs[pi + 1];
      if (next && isDoubleOpener(text, next.start) && open < p.end - 1) carried = open;
      else if (p.end - open > 1) quotes.push(makeQuote(text, open, p.end));
    }
  }
  if (sentences.length) classifyQuotes(text, quotes, sentences);
  return quotes;
}

/** " ' ` “ ” „ « » ‘ ’: the only characters the quote scanner looks at. */
function isQuoteChar(code: number): boolean {
  return code === 34 || code === 39 || code === 96 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb || code === 0x2018 || code === 0x2019;
}

function evenMarks(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i++) {
    if (!isQuoteChar(text.charCodeAt(i))) continue;
    const c = text[i];
    if (c === '"' || DOUBLE_OPEN.includes(c) || DOUBLE_CLOSE.includes(c)) n++;
    else if ((c === "'" && text[i + 1] === "'") || (c === '`' && text[i + 1] === '`')) {
      n++;
      i++;
    }
  }
  return n > 0 && n % 2 === 0;
}

function isDoubleOpener(text: string, i: number): boolean {
  return DOUBLE_OPEN.includes(text[i]) || (text[i] === '"' && !isSpaceOrEnd(text[i + 1])) || text.startsWith("''", i) || text.startsWith('``', i);
}

/** ’ between letters, after a plural s with no single quote open, or before a year ("’90s") is an apostrophe. */
function isApostrophe(text: string, i: number, singleOpen: boolean): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (isWordChar(before) && isWordChar(after)) return true;
  if (!singleOpen && (before === 's' || before === 'S') && !isWordChar(after)) return true;
  if (/\d/.test(after ?? '') && /^\d\ds\b/.test(text.slice(i + 1, i + 5))) return true;
  return false;
}

function opensHere(text: string, i: number, start: number): boolean {
  const before = i > start ? text[i - 1] : ' ';
  return (isSpaceOrEnd(before) || '([{—–-/'.includes(before)) && !isSpaceOrEnd(text[i + 1]);
}

function closesHere(text: string, i: number, end: number): boolean {
  const after = i + 1 < end ? text[i + 1] : ' ';
  return !isSpaceOrEnd(text[i - 1]) && (isSpaceOrEnd(after) || /[.,;:!?)\]—–-]/.test(after));
}

function isSpaceOrEnd(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function makeQuote(text: string, start: number, end: number): Quote {
  return { start, end, text: text.slice(start, end), kind: 'partial', attribution: null };
}

/** The words of a quote without its marks. */
export function quoteInner(quote: Quote): string {
  // Any mark at either end: flipped marks (” important “) count as well.
  return quote.text.replace(/^["“”„«»‘’'`]+|["“”„«»‘’'`]+$/g, '').trim();
}

/**
 * direct: the quote opens its sentence, follows a colon or comma, or is a whole quoted sentence;
 * scare: three words or fewer used as a term ("denuclearization"); partial: quoted words inside a sentence.
 * Attribution may later promote a scare quote to partial when it sits in someone's reported words.
 */
function classifyQuotes(text: string, quotes: Quote[], sentences: Sentence[]): void {
  let si = 0;
  for (const q of quotes) {
    while (si < sentences.length - 1 && sentences[si].end <= q.start) si++;
    q.kind = quoteKind(text, q, sentences[si]);
  }
}

function quoteKind(text: string, q: Quote, s: Sentence | undefined): QuoteKind {
  const inner = quoteInner(q);
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let b = q.start - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  const opensSentence = !s || q.start <= s.start || b < 0 || text[b] === '\n' || text[b] === '\r';
  const afterLead = b >= 0 && (text[b] === ':' || text[b] === ',');
  const sentenceLike = /^[\p{Lu}\d]/u.test(inner) && /[.!?,…]["”’']?$/.test(inner);
  if (opensSentence && words >= 2) return 'direct';
  if (words >= 4 && (sentenceLike || afterLead)) return 'direct';
  if (words <= 3) return 'scare';
  return 'partial';
}
