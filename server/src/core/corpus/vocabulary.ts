// Term ids: every distinct stem of the corpus gets a small integer, so postings and token lists are numbers.
import { stem } from './terms';

/** Stems ↔ ids. Its state is the array of stems; the lookup maps are rebuilt from it. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  // Folded word → stem id: stemming runs once per distinct word, not once per occurrence.
  private readonly byWord = new Map<string, number>();

  /** Plain lower-case words → stem id, looked up without making strings (see indexTokens.ts). Not state. */
  readonly words = new WordTable();

  constructor(readonly stems: string[] = []) {
    for (let i = 0; i < stems.length; i++) this.ids.set(stems[i], i);
  }

  get size(): number {
    return this.stems.length;
  }

  /** The id of a folded word's stem, added when new. */
  intern(word: string): number {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    const id = this.internStem(word);
    this.byWord.set(word, id);
    return id;
  }

  /**
   * intern for a word the word table is about to keep: it is found there from now on, so it is not remembered
   * here as well (the corpus meets tens of thousands of new words; `find` and `intern` stem it again if asked).
   */
  internStem(word: string): number {
    const s = stem(word);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of a folded word's stem, or -1 when no corpus passage ever had it. */
  find(word: string): number {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    return this.ids.get(stem(word)) ?? -1;
  }
}

/**
 * An open-addressing hash table from lower-case ASCII words to a stem id and token flags. Each slot is four
 * 32-bit words in one array: the word's first eight characters packed four to a number (a word has no character
 * 0, so a slot whose first number is 0 is empty), its length << 24 | the offset of its characters in a byte pool,
 * and its entry, id | flags << 24. A word of up to eight characters (most of them) is matched by comparing numbers
 * in its slot, without reading its characters again; a longer one's rest is compared in the pool. Sixteen bytes a
 * slot keep the table small: looking up a rarer word is a cache miss, and the tokenizer looks up every word.
 */
export class WordTable {
  private slots = new Int32Array(4 * 4096);
  private pool = new Uint8Array(16384);
  private poolLength = 0;
  private count = 0;

  /** The entry (stem id | token flags << 24) of text[start, end) folded to lower case, or -1 (`hash`: its FNV-1a). */
  find(text: string, start: number, end: number, hash: number): number {
    let head = 0;
    let tail = 0;
    for (let k = 0; k < 8 && start + k < end; k++) {
      const c = text.charCodeAt(start + k) | 32;
      if (k < 4) head |= c << (k << 3);
      else tail |= c << ((k - 4) << 3);
    }
    return this.findPacked(text, start, end, hash, head, tail);
  }

  /**
   * find, given the folded characters 0-3 (`head`) and 4-7 (`tail`) packed one byte each, the first lowest (as
   * the tokenizer packs them while it reads the word).
   */
  findPacked(text: string, start: number, end: number, hash: number, head: number, tail: number): number {
    const n = end - start;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s << 2;
      const first = slots[at];
      if (first === 0) return -1;
      if (first !== head || slots[at + 1] !== tail || slots[at + 2] >>> 24 !== n) continue;
      if (n > 8) {
        const pool = this.pool;
        const from = slots[at + 2] & 0xffffff;
        let k = 8;
        while (k < n && pool[from + k] === (text.charCodeAt(start + k) | 32)) k++;
        if (k < n) continue;
      }
      return slots[at + 3];
    }
  }

  /**
   * Adds a lower-case ASCII word not yet in the table, with its stem id and flags (< 256). A word longer than 255
   * characters, or past the 16 MiB of characters the pool can address, is left out: it is looked up the slow way.
   */
  add(word: string, hash: number, id: number, flags: number): void {
    const n = word.length;
    if (!this.keeps(n)) return;
    if ((this.count + 1) * 2 > this.slots.length >> 2) this.rehash();
    if (this.poolLength + n > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + n));
      pool.set(this.pool);
      this.pool = pool;
    }
    const key = this.poolLength;
    for (let k = 0; k < n; k++) this.pool[key + k] = word.charCodeAt(k);
    this.poolLength += n;
    this.count++;
    this.place(this.slots, hash, key, n, id | (flags << 24));
  }

  /** Whether a new word of `length` characters would be kept (see add). */
  keeps(length: number): boolean {
    return length <= 255 && this.poolLength + length <= 1 << 24;
  }

  private place(slots: Int32Array, hash: number, key: number, n: number, entry: number): void {
    const pool = this.pool;
    let head = 0;
    let tail = 0;
    for (let k = 0; k < n && k < 8; k++) {
      if (k < 4) head |= pool[key + k] << (k << 3);
      else tail |= pool[key + k] << ((k - 4) << 3);
    }
    const mask = (slots.length >> 2) - 1;
    let s = hash & mask;
    while (slots[s << 2] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    slots[at] = head;
    slots[at + 1] = tail;
    slots[at + 2] = (n << 24) | key;
    slots[at + 3] = entry;
  }

  // Twice the slots; a word's home slot comes from its FNV-1a hash, computed again from its characters in the pool.
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const pool = this.pool;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      const n = old[at + 2] >>> 24;
      const key = old[at + 2] & 0xffffff;
      let hash = 0x811c9dc5;
      for (let k = 0; k < n; k++) hash = Math.imul(hash ^ pool[key + k], 0x01000193);
      this.place(slots, hash >>> 0, key, n, old[at + 3]);
    }
    this.slots = slots;
  }
}

/** The stem id of a word table entry. */
export const entryId = (entry: number): number => entry & 0xffffff;
/** The token flags of a word table entry. */
export const entryFlags = (entry: number): number => entry >>> 24;
