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

  /**
   * `add(terms[i], passage, tf[terms[i]])` for each of terms[0, count), in that order (the same pool), in one loop
   * with the arrays held in locals: the corpus posts every distinct term of every passage it indexes. On the way,
   * each term's document frequency `df[term]` goes up by one and its `tf[term]` back to 0.
   */
  addPassage(passage: number, terms: Int32Array, count: number, tf: Uint16Array, df: Int32Array): void {
    let most = -1;
    for (let u = 0; u < count; u++) if (terms[u] > most) most = terms[u];
    if (most >= this.head.length) this.growTerms(most + 1);
    const head = this.head.data;
    const tails = this.tail.data;
    const fills = this.fill.data;
    const blocks = this.blocks.data;
    let pool = this.pool.data;
    const shifted = passage << TF_BITS;
    for (let u = 0; u < count; u++) {
      const term = terms[u];
      let tail = tails[term];
      let fill = fills[term];
      const used = blocks[term];
      if (tail === 0 || fill === capacityOf(used - 1)) {
        const block = this.allocate(capacityOf(used));
        pool = this.pool.data;
        if (tail === 0) head[term] = block;
        else pool[tail] = block;
        tails[term] = tail = block;
        fill = 0;
        blocks[term] = Math.min(255, used + 1);
      }
      pool[tail + 1 + fill] = (shifted | Math.min(tf[term], TF_MAX)) >>> 0;
      fills[term] = fill + 1;
      df[term]++;
      tf[term] = 0;
    }
  }

  private growTerms(terms: number): void {
    for (const g of [this.head, this.tail, this.fill, this.blocks] as Growable<Uint32Array | Uint16Array | Uint8Array>[]) {
      g.reserve(terms);
      g.data.fill(0, g.length, terms);
      g.length = terms;
    }
  }

  // A block: the next block's offset (0: none), then `size` entries, written before they are ever read (a list reads
  // its last block only up to its fill). Only the link needs clearing: the pool past its length may hold old entries
  // after a compaction, and a fill call per new block cost 2% of a cold index.
  private allocate(size: number): number {
    const at = this.pool.length;
    this.pool.reserve(at + size + 1);
    this.pool.length = at + size + 1;
    this.pool.data[at] = 0;
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

/**
 * Postings of several shards joined into one pool: each merged term's list is the shards' lists one after
 * another (appended in shard order, so passages stay ascending), laid out in one stretch of blocks of the usual
 * sizes so that `Postings.add` goes on appending to it.
 */
export class PostingsMerge {
  private readonly pool: Uint32Array;
  private readonly head: Uint32Array;
  private readonly tail: Uint32Array;
  private readonly fill: Uint16Array;
  private readonly blocks: Uint8Array;
  /** Per merged term, the index in its chain of the block being filled. */
  private readonly index: Uint8Array;

  /** `count[g]`: how many entries merged term g will hold in all (its document frequency, without deletions). */
  constructor(count: ArrayLike<number>) {
    const terms = count.length;
    this.head = new Uint32Array(terms);
    this.blocks = new Uint8Array(terms);
    let size = 1;
    for (let g = 0; g < terms; g++) {
      const n = count[g];
      if (n === 0) continue;
      this.head[g] = size;
      let held = 0;
      let index = 0;
      while (held < n) {
        held += capacityOf(index);
        size += capacityOf(index) + 1;
        index++;
      }
      this.blocks[g] = Math.min(255, index);
    }
    const pool = (this.pool = new Uint32Array(size));
    // Chain every list's blocks (the last block's link stays 0).
    for (let g = 0; g < terms; g++) {
      let block = this.head[g];
      let held = 0;
      for (let index = 0; count[g] > 0; index++) {
        held += capacityOf(index);
        if (held >= count[g]) break;
        pool[block] = block + capacityOf(index) + 1;
        block = pool[block];
      }
    }
    this.tail = this.head.slice();
    this.fill = new Uint16Array(terms);
    this.index = new Uint8Array(terms);
  }

  /**
   * Appends a shard's lists: its term t goes to merged term `terms[t]`, its passages move by `passageOffset`, or
   * with `remap`, passage p becomes remap[p] and is dropped where that is negative (see compactPostings).
   */
  append(state: PostingState, terms: Int32Array | null, passageOffset: number, remap?: Int32Array): void {
    const pool = this.pool;
    const from = state.pool;
    const shift = passageOffset * (1 << TF_BITS);
    for (let t = 0; t < state.head.length; t++) {
      const g = terms ? terms[t] : t;
      let block = state.head[t];
      if (block === 0) continue;
      let b = 0;
      let at = this.tail[g];
      let used = this.fill[g];
      let capacity = capacityOf(this.index[g]);
      while (block !== 0) {
        const n = block === state.tail[t] ? state.fill[t] : capacityOf(b);
        for (let i = block + 1; i < block + 1 + n; i++) {
          let entry = from[i] + shift;
          if (remap) {
            const p = remap[from[i] >>> TF_BITS];
            if (p < 0) continue;
            entry = ((p << TF_BITS) | (from[i] & TF_MAX)) >>> 0;
          }
          if (used === capacity) {
            at = pool[at];
            if (at === 0) throw new Error('PostingsMerge: more entries than counted');
            used = 0;
            this.index[g] = Math.min(255, this.index[g] + 1);
            capacity = capacityOf(this.index[g]);
          }
          pool[at + 1 + used++] = entry;
        }
        block = from[block];
        b++;
      }
      this.tail[g] = at;
      this.fill[g] = used;
    }
  }

  /** The merged postings (once every shard is appended). */
  state(): PostingState {
    for (let g = 0; g < this.head.length; g++) {
      if (this.head[g] !== 0 && (this.pool[this.tail[g]] !== 0 || this.index[g] + 1 !== this.blocks[g])) throw new Error('PostingsMerge: fewer entries than counted');
    }
    return { pool: this.pool, head: this.head, tail: this.tail, fill: this.fill, blocks: this.blocks };
  }
}

/**
 * The lists without the entries of dropped passages, the others renumbered (`remap[p]`: p's new number, or -1),
 * each list in one stretch: what compacting the corpus needs, from the lists themselves instead of re-counting
 * every passage's tokens.
 */
export function compactPostings(state: PostingState, remap: Int32Array): PostingState {
  const count = new Int32Array(state.head.length);
  for (let t = 0; t < state.head.length; t++) {
    let n = 0;
    for (let block = state.head[t], b = 0; block !== 0; block = state.pool[block], b++) {
      const to = block + 1 + (block === state.tail[t] ? state.fill[t] : capacityOf(b));
      for (let i = block + 1; i < to; i++) if (remap[state.pool[i] >>> TF_BITS] >= 0) n++;
    }
    count[t] = n;
  }
  const merge = new PostingsMerge(count);
  merge.append(state, null, 0, remap);
  return merge.state();
}
