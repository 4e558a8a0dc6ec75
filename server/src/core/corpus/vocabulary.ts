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
    const s = stem(word);
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(s);
      this.ids.set(s, id);
    }
    this.byWord.set(word, id);
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
 * 32-bit words in one array (hash, key offset + 1, key length << 8 | flags, id) and the keys are bytes in one
 * pool, so a lookup touches two places in memory instead of chasing a string per probe.
 */
export class WordTable {
  private slots = new Int32Array(4 * 4096);
  private pool = new Uint8Array(16384);
  private poolLength = 0;
  private count = 0;

  /** The slot of text[start, end) folded to lower case (`hash`: FNV-1a of the folded characters), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const pool = this.pool;
    const mask = (slots.length >> 2) - 1;
    const n = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s << 2;
      const key = slots[at + 1];
      if (key === 0) return -1;
      if (slots[at] !== (hash | 0) || slots[at + 2] >>> 8 !== n) continue;
      let k = 0;
      const from = key - 1;
      while (k < n && pool[from + k] === (text.charCodeAt(start + k) | 32)) k++;
      if (k === n) return at;
    }
  }

  /** The stem id of a slot found by `find`. */
  id(slot: number): number {
    return this.slots[slot + 3];
  }

  /** The token flags of a slot found by `find`. */
  flags(slot: number): number {
    return this.slots[slot + 2] & 0xff;
  }

  /** Adds a lower-case ASCII word (not yet in the table); returns its slot. */
  add(word: string, hash: number, id: number, flags: number): number {
    if ((this.count + 1) * 2 > this.slots.length >> 2) this.rehash();
    if (this.poolLength + word.length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + word.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    const key = this.poolLength;
    for (let k = 0; k < word.length; k++) this.pool[key + k] = word.charCodeAt(k);
    this.poolLength += word.length;
    this.count++;
    return this.place(this.slots, hash | 0, key + 1, (word.length << 8) | flags, id);
  }

  private place(slots: Int32Array, hash: number, key: number, lengthFlags: number, id: number): number {
    const mask = (slots.length >> 2) - 1;
    let s = hash & mask;
    while (slots[(s << 2) + 1] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    slots[at] = hash;
    slots[at + 1] = key;
    slots[at + 2] = lengthFlags;
    slots[at + 3] = id;
    return at;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) this.place(slots, old[at], old[at + 1], old[at + 2], old[at + 3]);
    this.slots = slots;
  }
}
