// A light tokenizer for news text, shared by the corpus index and the queries so both sides fold alike:
// case, accents, curly vs straight apostrophes, possessives and contractions, hyphenated names
// ("Jong-un" = "Jong Un"), digit groups ("1,000" = "1000").

/** Bits describing one token. */
export const TOKEN_CAPITALIZED = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_STOPWORD = 4;
/** A negation: "not", "never", "no", a word ending in n't ("didn’t"), "denied", "refused". */
export const TOKEN_NEGATED = 8;
/** Set by the corpus on tokens inside quotation marks. */
export const TOKEN_QUOTED = 16;
/** Set by the corpus on the first word of a passage, whose capital says nothing about names. */
export const TOKEN_INITIAL = 32;

/** Words too common to retrieve or compare on. Negations are here too: they are flagged, not indexed. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by for from had has have having he her hers him his i if in into is it its ' +
    'me my of on or our ours she so that the their theirs them there these they this those to was we were which who ' +
    'whom whose will with would you your yours not no nor never than then also said says say saying told tell tells ' +
    'added adding about after before over more most very can could should may might must do does did doing done ' +
    'just only own same such too up down out off again further once here when where why how all any both each few ' +
    'other some what while until because against between through during above below under us am ' +
    "don doesn didn isn wasn aren weren won wouldn couldn shouldn hasn haven hadn ain mustn needn ca wo sha"
  ).split(/\s+/),
);

const NEGATIONS: ReadonlySet<string> = new Set(
  'not no never nor neither none nobody nothing nowhere deny denies denied denying refuse refuses refused refusing'.split(' '),
);

/** True for words that turn a statement around ("not", "never", "no"). */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}

/** One token: its folded form and where it stands in the text. */
export interface Token {
  term: string;
  start: number;
  end: number;
  flags: number;
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc;
const LETTER = /\p{L}|\p{M}/u;

/** True when the UTF-16 code unit starts or continues a word (letters of any script, digits). */
export function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0x2019 && c !== 0x2018 && LETTER.test(String.fromCharCode(c));
}

/**
 * Calls `visit` for each word of text[start, end): the folded term, its offsets and flags; a visit returning false
 * stops the scan. With `terms` false, only the offsets are wanted: the term is "" and flags that depend on it are
 * left out, which saves folding every word (the same tokens, so the n-th token is the n-th of a full scan).
 * Allocation-light: one string per token, no arrays; the indexer calls it on megabytes.
 */
export function scanTokens(
  text: string,
  start: number,
  end: number,
  visit: (term: string, start: number, end: number, flags: number) => unknown,
  terms = true,
): void {
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const s = i;
    if (isDigit(c)) {
      // A number: digits with inner "," or "." groups ("1,000", "2.5"), then any letters ("70th", "3pm").
      i++;
      while (i < end) {
        c = text.charCodeAt(i);
        if (isDigit(c)) i++;
        else if ((c === 44 || c === 46) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
      if (!terms) {
        if (visit('', s, i, TOKEN_NUMBER) === false) return;
        continue;
      }
      let term = text.slice(s, i);
      if (term.includes(',')) term = term.replace(/,/g, '');
      if (visit(term.toLowerCase(), s, i, TOKEN_NUMBER) === false) return;
      continue;
    }
    // Dotted initialisms ("U.S.", "U.N.") are one word: "u.s".
    if (i + 3 < end && text.charCodeAt(i + 1) === 46 && isAsciiLetter(c) && isAsciiLetter(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 46) {
      let j = i;
      while (j + 1 < end && isAsciiLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      if (j < end && isAsciiLetter(text.charCodeAt(j)) && !isWordChar(text.charCodeAt(j + 1) || 32)) j++;
      const term = terms ? text.slice(s, j).replace(/\.$/, '').toLowerCase() : '';
      if (visit(term, s, j, TOKEN_CAPITALIZED) === false) return;
      i = j;
      continue;
    }
    let ascii = true;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 128 ? isAsciiLetter(c) || isDigit(c) : isWordChar(c)) {
        if (c >= 128) ascii = false;
        i++;
      } else break;
    }
    let wordEnd = i;
    let flags = 0;
    let joined = '';
    // An apostrophe inside a word: possessive and contractions are dropped, n't is a negation,
    // anything else ("O'Brien") is joined.
    while (i + 1 < end && isApostrophe(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < end && isWordChar(text.charCodeAt(j))) j++;
      const tail = text.slice(i + 1, j).toLowerCase();
      if (tail === 't' && /n$/i.test(text.slice(wordEnd - 1, wordEnd))) {
        flags |= TOKEN_NEGATED;
        i = j;
        break;
      }
      if (tail === 's' || tail === 're' || tail === 've' || tail === 'll' || tail === 'd' || tail === 'm') {
        i = j;
        break;
      }
      joined += tail;
      i = j;
      wordEnd = j;
    }
    if (!terms) {
      if (visit('', s, i, flags) === false) return;
      continue;
    }
    const first = text.charCodeAt(s);
    if ((first >= 65 && first <= 90) || (first >= 128 && text[s] !== text[s].toLowerCase())) flags |= TOKEN_CAPITALIZED;
    let term: string;
    if (joined) {
      const head = text.slice(s, text.slice(s, wordEnd).search(/['’‘ʼ]/) + s);
      term = fold(head, ascii) + joined;
    } else term = fold(text.slice(s, wordEnd), ascii);
    if ((flags & TOKEN_NEGATED) !== 0) {
      // "didn't" → "did" (a stopword) with the negation flag; "can't" → "can".
      if (term.endsWith('n') && term !== 'can') term = term === 'won' ? 'will' : term.slice(0, -1);
    }
    // "US" the country, not "us" the pronoun.
    if (term === 'us' && text.charCodeAt(s) === 85 && text.charCodeAt(s + 1) === 83) term = 'u.s';
    if (STOPWORDS.has(term)) flags |= TOKEN_STOPWORD;
    if (NEGATIONS.has(term)) flags |= TOKEN_NEGATED;
    if (visit(term, s, i, flags) === false) return;
  }
}

function fold(word: string, ascii: boolean): string {
  const lower = word.toLowerCase();
  return ascii ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** All tokens of a text (or of text[start, end)). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  scanTokens(text, start, end, (term, s, e, flags) => out.push({ term, start: s, end: e, flags }));
  return out;
}

/** Folded words of a text, stopwords included. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** Words that carry meaning for matching: stopwords removed. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => (t.flags & TOKEN_STOPWORD) === 0)
    .map((t) => t.term);
}

/**
 * A light English stemmer (plural, -ing, -ed, -ly, -ation), enough to match "cancelled"/"cancelling"/"cancels"
 * and "talks"/"talk" without merging unrelated words. Numbers and short words are left alone.
 */
export function stem(term: string): string {
  const n = term.length;
  if (n <= 3 || isDigit(term.charCodeAt(0))) return term;
  let w = term;
  if (w.endsWith('ies') && n > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ly') && !w.endsWith('ily')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ation')) w = w.slice(0, -5) + 'ate';
  else if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('eed')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // British and American spellings meet: "denuclearisation" = "denuclearization", "criticised" = "criticized".
  if (w.endsWith('isat')) w = w.slice(0, -4) + 'izat';
  else if (w.endsWith('is') && /is(e|es|ed|ing)$/.test(term)) w = w.slice(0, -2) + 'iz';
  return w;
}

// "cancell" → "cancel", "stopp" → "stop"; keeps "ll"/"ss" words like "fall" whole.
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1])) return w.slice(0, -1);
  if (n > 5 && w.endsWith('ll')) return w.slice(0, -1);
  return w;
}
