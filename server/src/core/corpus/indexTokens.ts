// The indexer's tokenizer: the same tokens as scanTokens (terms.ts), several times faster on corpus text.
// Most words are a plain run of ASCII letters or digits between spaces and punctuation; those are hashed in
// place and found in a word table without making a string. Anything else (accents, apostrophes, "U.S.",
// "1,000", "70th") goes through scanTokens, one whitespace-delimited cluster at a time, which gives the same
// tokens because no token spans whitespace.

import { scanTokens, TOKEN_CAPITALIZED, TOKEN_NUMBER } from './terms';
import type { Vocabulary } from './vocabulary';

const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x2028 || c === 0x2029;
const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
// Punctuation around a plain word that scanTokens also skips: ASCII, curly quotes, dashes, ellipsis.
const isPlainPunctuation = (c: number): boolean =>
  (c < 128 && !isAsciiAlnum(c)) || (c >= 0x2010 && c <= 0x201f) || c === 0x2026 || c === 0xab || c === 0xbb;

/** Calls `emit(term id, flags, start)` for each token of text[start, end), in order. */
export function indexTokens(text: string, start: number, end: number, vocabulary: Vocabulary, emit: (id: number, flags: number, start: number) => void): void {
  const table = vocabulary.words;
  const slow = (word: string, s: number, _e: number, flags: number): void => emit(vocabulary.intern(word), flags, s);
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // One whitespace-delimited cluster: [i, e). Plain when it holds a single ASCII run of letters or of digits.
    let e = i;
    let runStart = -1;
    let runEnd = -1;
    let plain = true;
    while (e < end) {
      c = text.charCodeAt(e);
      if (isSpace(c)) break;
      if (isAsciiAlnum(c)) {
        if (runStart < 0) runStart = e;
        else if (runEnd >= 0) plain = false; // a second run
      } else {
        if (runStart >= 0 && runEnd < 0) runEnd = e;
        if (!isPlainPunctuation(c)) plain = false;
      }
      e++;
    }
    if (runStart >= 0 && runEnd < 0) runEnd = e;
    if (runStart < 0) {
      if (!plain) scanTokens(text, i, e, slow);
      i = e;
      continue;
    }
    const first = text.charCodeAt(runStart);
    const digits = first >= 48 && first <= 57;
    let hash = 0x811c9dc5;
    for (let k = runStart; k < runEnd && plain; k++) {
      let ch = text.charCodeAt(k);
      if (digits !== (ch >= 48 && ch <= 57)) plain = false; // "70th", "g20": the number rules apply
      if (ch >= 65 && ch <= 90) ch += 32;
      hash = Math.imul(hash ^ ch, 0x01000193);
    }
    // "US" is the country (scanTokens decides); "a.m." and friends have several runs already.
    if (!plain || (runEnd - runStart === 2 && first === 85 && text.charCodeAt(runStart + 1) === 83)) {
      scanTokens(text, i, e, slow);
      i = e;
      continue;
    }
    let entry = table.find(text, runStart, runEnd, hash >>> 0);
    if (entry < 0) {
      const word = text.slice(runStart, runEnd).toLowerCase();
      let flags = 0;
      scanTokens(word, 0, word.length, (_w, _s, _e, f) => (flags = f));
      entry = table.add(word, hash >>> 0, vocabulary.intern(word), flags & ~TOKEN_CAPITALIZED);
    }
    let flags = table.flags[entry];
    if (first >= 65 && first <= 90) flags |= TOKEN_CAPITALIZED;
    emit(table.ids[entry], digits ? flags | TOKEN_NUMBER : flags, runStart);
    i = e;
  }
}
