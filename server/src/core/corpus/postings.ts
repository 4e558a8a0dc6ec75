// Postings lists for every term in one pool of 32-bit words: each list is a chain of blocks whose sizes double
// (4, 8, … 1024 entries), so a rare term costs a few words and a common one stays contiguous enough to scan fast.
// Block layout: [next block offset, entry, entry, …]; offset 0 means "none". An entry packs passage << 4 | tf.

import { Growable } from './growable';

const FIRST_BLOCK = 4;
const LARGEST_BLOCK = 1024;
const TF_BITS = 4;
const TF_MAX = (1 << TF_BITS) - 1;

/** The passage of a packed entry. */
export const entryPassage = (entry: number): number => entry >>> TF_BITS;
/** The term frequency of a packed entry (capped at 15). */
export const entryTf = (entry: number): number => entry & TF_MAX;

// (Shift counts wrap at 32 in JavaScript: past the largest size, every block is the largest.)
const capacityOf = (block: number): number => (block >= 8 ? LARGEST_BLOCK : Math.min(LARGEST_BLOCK, FIRST_BLOCK << block));

/** The serialisable state of a posting pool. */
export interface PostingState {
  pool: Uint32Array;
  head: Uint32Array;
  tail: Uint32Array;
  fill: Uint16Array;
  blocks: Uint8Array;
}

/** Append-only postings per term id; removal happens by rebuilding (see Corpus.compact). */
export class Postings {
  private readonly pool = new Growable(Uint32Array);
  private readonly head = new Growable(Uint32Array);
  private readonly tail = new Growable(Uint32Array);
  private readonly fill = new Growable(Uint16Array);
  private readonly blocks = new Growable(Uint8Array);

  constructor(state?: PostingState) {
    if (state) {
      for (const [g, data] of [
        [this.pool, state.pool],
        [this.head, state.head],
        [this.tail, state.tail],
        [this.fill, state.fill],
        [this.blocks, state.blocks],
      ] as const) {
        (g as Growable<typeof data>).adopt(data);
      }
    } else this.pool.push(0); // offset 0 is "no block"
  }

  /** Appends one (passage, term frequency) entry to a term's list. */
  add(term: number, passage: number, tf: number): void {
    while (this.head.length <= term) {
      this.head.push(0);
      this.tail.push(0);
      this.fill.push(0);
      this.blocks.push(0);
    }
    let tail = this.tail.data[term];
    const used = this.blocks.data[term];
    if (tail === 0 || this.fill.data[term] === capacityOf(used - 1)) {
      const block = this.allocate(capacityOf(used));
      if (tail === 0) this.head.data[term] = block;
      else this.pool.data[tail] = block;
      this.tail.data[term] = tail = block;
      this.fill.data[term] = 0;
      this.blocks.data[term] = Math.min(255, used + 1);
    }
    const at = tail + 1 + this.fill.data[term]++;
    this.pool.data[at] = ((passage << TF_BITS) | Math.min(tf, TF_MAX)) >>> 0;
  }

  private allocate(size: number): number {
    const at = this.pool.length;
    this.pool.reserve(at + size + 1);
    this.pool.length = at + size + 1;
    this.pool.data.fill(0, at, at + size + 1);
    return at;
  }

  /**
   * Calls `visit(pool, from, to)` for each block of a term's list; entries pool[from..to) decode with
   * `entryPassage` and `entryTf`. Block-wise so the hot loop in the caller runs without a call per entry.
   */
  forEachBlock(term: number, visit: (pool: Uint32Array, from: number, to: number) => void): void {
    if (term >= this.head.length) return;
    const pool = this.pool.data;
    let block = this.head.data[term];
    let index = 0;
    while (block !== 0) {
      const n = block === this.tail.data[term] ? this.fill.data[term] : capacityOf(index);
      visit(pool, block + 1, block + 1 + n);
      block = pool[block];
      index++;
    }
  }

  /** Words the pool holds (for memory reports). */
  get words(): number {
    return this.pool.length;
  }

  /** The state as views on the pool's memory (no copy): save or hand it over before adding more. */
  state(): PostingState {
    return {
      pool: this.pool.view(),
      head: this.head.view(),
      tail: this.tail.view(),
      fill: this.fill.view(),
      blocks: this.blocks.view(),
    };
  }
}
