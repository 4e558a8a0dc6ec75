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
 * An open-addressing hash table from lower-case ASCII words to a stem id and token flags. Each slot is eight
 * 32-bit words in one array (hash, key offset + 1, key length << 8 | flags, id, the first eight characters packed
 * four to a word, two spare) and the keys are bytes in one pool: a word of up to eight characters (most of them) is
 * matched by comparing numbers in one slot, without reading its characters again; a longer one's rest is compared
 * in the pool.
 */
export class WordTable {
  private slots = new Int32Array(SLOT * 4096);
  private pool = new Uint8Array(16384);
  private poolLength = 0;
  private count = 0;

  /** The slot of text[start, end) folded to lower case (`hash`: FNV-1a of the folded characters), or -1. */
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
    const slots = this.slots;
    const mask = (slots.length >> SLOT_SHIFT) - 1;
    const n = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s << SLOT_SHIFT;
      const key = slots[at + 1];
      if (key === 0) return -1;
      if (slots[at] !== (hash | 0) || slots[at + 4] !== head || slots[at + 5] !== tail || slots[at + 2] >>> 8 !== n) continue;
      if (n <= 8) return at;
      const pool = this.pool;
      const from = key - 1;
      let k = 8;
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
    if ((this.count + 1) * 2 > this.slots.length >> SLOT_SHIFT) this.rehash();
    if (this.poolLength + word.length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + word.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    const key = this.poolLength;
    let head = 0;
    let tail = 0;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      this.pool[key + k] = c;
      if (k < 4) head |= c << (k << 3);
      else if (k < 8) tail |= c << ((k - 4) << 3);
    }
    this.poolLength += word.length;
    this.count++;
    return this.place(this.slots, hash | 0, key + 1, (word.length << 8) | flags, id, head, tail);
  }

  private place(slots: Int32Array, hash: number, key: number, lengthFlags: number, id: number, head: number, tail: number): number {
    const mask = (slots.length >> SLOT_SHIFT) - 1;
    let s = hash & mask;
    while (slots[(s << SLOT_SHIFT) + 1] !== 0) s = (s + 1) & mask;
    const at = s << SLOT_SHIFT;
    slots[at] = hash;
    slots[at + 1] = key;
    slots[at + 2] = lengthFlags;
    slots[at + 3] = id;
    slots[at + 4] = head;
    slots[at + 5] = tail;
    return at;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT) if (old[at + 1] !== 0) this.place(slots, old[at], old[at + 1], old[at + 2], old[at + 3], old[at + 4], old[at + 5]);
    this.slots = slots;
  }
}

/** 32-bit words per slot of a WordTable (a power of two: half a cache line). */
const SLOT = 8;
const SLOT_SHIFT = 3;
