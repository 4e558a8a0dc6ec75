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

/** An open-addressing hash table from lower-case ASCII words to a stem id and token flags. */
export class WordTable {
  private keys: string[] = [];
  private hashes = new Uint32Array(0);
  ids = new Int32Array(1024);
  flags = new Uint8Array(1024);
  private slots = new Int32Array(4096).fill(-1);

  /** The entry for text[start, end) folded to lower case (`hash`: FNV-1a of the folded characters), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const n = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e < 0) return -1;
      if (this.hashes[e] !== hash) continue;
      const key = this.keys[e];
      if (key.length !== n) continue;
      let k = 0;
      for (; k < n; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (key.charCodeAt(k) !== c) break;
      }
      if (k === n) return e;
    }
  }

  add(word: string, hash: number, id: number, flags: number): number {
    const e = this.keys.length;
    if (e >= this.ids.length) {
      const ids = new Int32Array(e * 2);
      ids.set(this.ids);
      this.ids = ids;
      const fl = new Uint8Array(e * 2);
      fl.set(this.flags);
      this.flags = fl;
    }
    if (e >= this.hashes.length) {
      const h = new Uint32Array(Math.max(1024, e * 2));
      h.set(this.hashes);
      this.hashes = h;
    }
    this.keys.push(word);
    this.hashes[e] = hash;
    this.ids[e] = id;
    this.flags[e] = flags;
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    else this.place(e);
    return e;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[e] & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = e;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let e = 0; e < this.keys.length; e++) this.place(e);
  }
}
