// The indexer's tokenizer: the same tokens as scanTokens (terms.ts), several times faster on corpus text.
// Most words are a plain run of ASCII letters or digits between spaces and punctuation; those are hashed in
// place while they are scanned (one pass, one table load per character) and found in a word table without
// making a string. Anything else (accents, apostrophes, "U.S.", "1,000", "70th") goes through scanTokens,
// one whitespace-delimited cluster at a time, which gives the same tokens because no token spans whitespace.
// Tokens land in a reusable TokenBuffer instead of a callback, so the corpus reads them in a plain loop.

import { scanTokens, TOKEN_CAPITALIZED, TOKEN_NUMBER } from './terms';
import { entryFlags, entryId, type Vocabulary } from './vocabulary';

// Character classes of every UTF-16 code unit, one table load per character.
const OTHER = 0;
const SPACE = 1;
const LETTER = 2;
const DIGIT = 4;
/** Punctuation around a plain word that scanTokens also skips: ASCII, curly quotes, dashes, ellipsis. */
const PUNCTUATION = 8;
/** Punctuation that joins the runs on either side in scanTokens: apostrophes, "." and ",". */
const TRICKY = PUNCTUATION | 16;
const ALNUM = LETTER | DIGIT;

const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const space = c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x2028 || c === 0x2029;
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  const digit = c >= 48 && c <= 57;
  const punctuation = c < 128 || (c >= 0x2010 && c <= 0x201f) || c === 0x2026 || c === 0xab || c === 0xbb;
  const tricky = c === 39 || c === 44 || c === 46 || c === 0x2018 || c === 0x2019;
  CLASS[c] = space ? SPACE : letter ? LETTER : digit ? DIGIT : tricky ? TRICKY : punctuation ? PUNCTUATION : OTHER;
}

/** The tokens of a passage as parallel arrays (term id, TOKEN_* flags, UTF-16 start); reused between passages. */
export class TokenBuffer {
  length = 0;
  ids = new Int32Array(256);
  flags = new Uint8Array(256);
  starts = new Uint32Array(256);

  push(id: number, flags: number, start: number): void {
    const n = this.length;
    if (n === this.ids.length) this.grow();
    this.ids[n] = id;
    this.flags[n] = flags;
    this.starts[n] = start;
    this.length = n + 1;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    const starts = new Uint32Array(size);
    starts.set(this.starts);
    this.starts = starts;
  }
}

// Where scanTokens' tokens go on the slow path; module state so no closure is made per passage.
let slowVocabulary: Vocabulary | undefined;
let slowOut: TokenBuffer | undefined;
const slowVisit = (word: string, start: number, _end: number, flags: number): void => slowOut!.push(slowVocabulary!.intern(word), flags, start);

// The cluster that starts at `from` (its first non-space character) through scanTokens; returns its end.
function slowCluster(text: string, from: number, at: number, end: number, vocabulary: Vocabulary, out: TokenBuffer): number {
  let e = at;
  while (e < end && CLASS[text.charCodeAt(e)] !== SPACE) e++;
  slowVocabulary = vocabulary;
  slowOut = out;
  scanTokens(text, from, e, slowVisit);
  return e;
}

// The runs of the cluster being read: start, end, FNV-1a hash, classes seen; filled before any is emitted, so a
// cluster that turns out not to be plain leaves no trace (the vocabulary then sees words in scanTokens' order).
const MAX_RUNS = 16;
const runs = new Int32Array(4 * MAX_RUNS);

/** Appends the tokens of text[start, end) to `out`, in order. */
export function indexTokens(text: string, start: number, end: number, vocabulary: Vocabulary, out: TokenBuffer): void {
  const table = vocabulary.words;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    let k = CLASS[c];
    if (k === SPACE) {
      i++;
      continue;
    }
    // One whitespace-delimited cluster from `cluster`. The commonest first: one run of ASCII letters (or of digits)
    // with only punctuation around it up to a space, which is one token, emitted without the general case's
    // bookkeeping (7-15% of the tokenizer's time); anything more goes the general way below.
    const cluster = i;
    while (k & PUNCTUATION) {
      if (++i >= end) {
        k = SPACE;
        break;
      }
      c = text.charCodeAt(i);
      k = CLASS[c];
    }
    if (k === SPACE) continue;
    if (k === LETTER || k === DIGIT) {
      const kind = k;
      const runStart = i;
      let hash = 0x811c9dc5;
      // The first eight folded characters, four to a number, as the word table keeps them (WordTable.findPacked).
      let head = 0;
      let tail = 0;
      let e = i;
      for (;;) {
        const folded = c | 32;
        hash = Math.imul(hash ^ folded, 0x01000193);
        const at = e - runStart;
        if (at < 4) head |= folded << (at << 3);
        else if (at < 8) tail |= folded << ((at - 4) << 3);
        if (++e >= end) {
          k = SPACE;
          break;
        }
        c = text.charCodeAt(e);
        k = CLASS[c];
        if (k !== kind) break;
      }
      let after = e;
      while (k & PUNCTUATION) {
        if (++after >= end) {
          k = SPACE;
          break;
        }
        k = CLASS[text.charCodeAt(after)];
      }
      if (k === SPACE && !(e - runStart === 2 && text.charCodeAt(runStart) === 85 && text.charCodeAt(runStart + 1) === 83)) {
        hash >>>= 0;
        let entry = table.findPacked(text, runStart, e, hash, head, tail);
        if (entry < 0) entry = addWord(text, runStart, e, hash, vocabulary);
        let flags = entryFlags(entry);
        const first = text.charCodeAt(runStart);
        if (first >= 65 && first <= 90) flags |= TOKEN_CAPITALIZED;
        out.push(entryId(entry), kind === DIGIT ? flags | TOKEN_NUMBER : flags, runStart);
        i = after;
        continue;
      }
    }
    // The general case, from the cluster's start: plain when it is ASCII runs of letters or of digits
    // separated by punctuation that scanTokens treats as a plain break (not "'", "." or "," between runs,
    // which make "O'Brien", "U.S." and "1,000"), each run then a token of its own, as if it stood alone.
    i = cluster;
    c = text.charCodeAt(i);
    k = CLASS[c];
    let n = 0;
    let plain = true;
    let afterTricky = false;
    for (;;) {
      while (k & PUNCTUATION) {
        afterTricky = k === TRICKY;
        if (++i >= end) {
          k = SPACE;
          break;
        }
        c = text.charCodeAt(i);
        k = CLASS[c];
      }
      if (k === SPACE) break;
      if (k === OTHER || (n > 0 && afterTricky) || n === MAX_RUNS) {
        plain = false;
        break;
      }
      const runStart = i;
      let kinds = 0;
      // FNV-1a over the lower-cased run (c | 32 folds A–Z and leaves a–z and 0–9 alone).
      let hash = 0x811c9dc5;
      for (;;) {
        kinds |= k;
        hash = Math.imul(hash ^ (c | 32), 0x01000193);
        if (++i >= end) {
          k = SPACE;
          break;
        }
        c = text.charCodeAt(i);
        k = CLASS[c];
        if ((k & ALNUM) === 0) break;
      }
      // Letters and digits mixed ("70th", "g20": the number rules apply), or "US" (the country; scanTokens decides).
      if (kinds === ALNUM || (i - runStart === 2 && text.charCodeAt(runStart) === 85 && text.charCodeAt(runStart + 1) === 83)) {
        plain = false;
        break;
      }
      runs[4 * n] = runStart;
      runs[4 * n + 1] = i;
      runs[4 * n + 2] = hash;
      runs[4 * n + 3] = kinds;
      n++;
      // A possessive or contraction of a word ("Trump's", "they’re"): scanTokens drops the ending.
      if (k === TRICKY && kinds === LETTER && i + 1 < end && c !== 44 && c !== 46) {
        const tail = droppedEnding(text, i + 1, end);
        if (tail > 0) {
          i = tail;
          if (i >= end) {
            k = SPACE;
            break;
          }
          c = text.charCodeAt(i);
          k = CLASS[c];
          if ((k & (SPACE | PUNCTUATION)) === 0) {
            plain = false;
            break;
          }
        }
      }
      afterTricky = false;
    }
    if (!plain) {
      i = slowCluster(text, cluster, i, end, vocabulary, out);
      continue;
    }
    for (let r = 0; r < n; r++) {
      const runStart = runs[4 * r];
      const runEnd = runs[4 * r + 1];
      const hash = runs[4 * r + 2] >>> 0;
      let entry = table.find(text, runStart, runEnd, hash);
      if (entry < 0) entry = addWord(text, runStart, runEnd, hash, vocabulary);
      let flags = entryFlags(entry);
      const first = text.charCodeAt(runStart);
      if (first >= 65 && first <= 90) flags |= TOKEN_CAPITALIZED;
      out.push(entryId(entry), runs[4 * r + 3] === DIGIT ? flags | TOKEN_NUMBER : flags, runStart);
    }
  }
}

// The flags scanTokens gives a new word alone (module state, like slowVisit's: no closure in indexTokens, whose
// optimised code ran 10-15% slower with one, though it was made only for a new word).
let newFlags = 0;
const flagsOfWord = (_w: string, _s: number, _e: number, f: number): void => {
  newFlags = f;
};

// A plain word not yet in the word table (text[start, end), `hash` its FNV-1a folded): adds it; returns its entry.
function addWord(text: string, start: number, end: number, hash: number, vocabulary: Vocabulary): number {
  const word = text.slice(start, end).toLowerCase();
  newFlags = 0;
  scanTokens(word, 0, word.length, flagsOfWord);
  // (A word the table keeps is found there from now on; one it leaves out is remembered by the vocabulary.)
  const id = vocabulary.words.keeps(word.length) ? vocabulary.internStem(word) : vocabulary.intern(word);
  const flags = newFlags & ~TOKEN_CAPITALIZED;
  vocabulary.words.add(word, hash, id, flags);
  return id | (flags << 24);
}

// After an apostrophe at from - 1: the end of "s", "re", "ve", "ll", "d" or "m" when that whole ASCII run
// follows (what scanTokens drops), else 0. An "n't" is not here: it negates and changes the word.
function droppedEnding(text: string, from: number, end: number): number {
  let e = from;
  while (e < end && CLASS[text.charCodeAt(e)] & ALNUM) e++;
  const a = text.charCodeAt(from) | 32;
  const b = e - from === 2 ? text.charCodeAt(from + 1) | 32 : 0;
  if (e - from === 1) return a === 115 || a === 100 || a === 109 ? e : 0; // s d m
  if (e - from === 2) return (a === 114 || a === 118) && b === 101 ? e : a === 108 && b === 108 ? e : 0; // re ve ll
  return 0;
}
