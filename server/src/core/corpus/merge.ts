// Joins corpora built apart (shards of one document list, indexed on several threads) into the state of one.
//
// Every shard numbers its terms in the order it first met them, so taking the shards' vocabularies in shard
// order gives each term the id a single pass over the whole list would have given it: the merged state is the
// one a single Corpus would have built (documents, passages, tokens, term ids, document frequencies, sketches),
// except that each term's postings lie in one stretch of the pool instead of interleaved with others'. Search
// reads the same lists in the same order either way, so results do not depend on how many shards there were.

import type { CorpusState } from './corpus';
import { PostingsMerge } from './postings';
import { SKETCH_SIZE, sketchOf } from './sketch';
import { TOKEN_STOPWORD } from './terms';

// (corpus.ts's token layout: term id in the low 24 bits, TOKEN_* flags above; repeated to keep this file
// from importing the Corpus class.)
const TERM_MASK = 0xffffff;
const FLAG_SHIFT = 24;
const PASSAGE_IS_QUOTE = 1;

type Column = 'firstPassage' | 'passageCount' | 'passageDocument' | 'passageStart' | 'passageEnd' | 'passageByte' | 'passageLine' | 'passageLength' | 'passageFlags' | 'tokenStart' | 'tokenCount';
type Numbers = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** The merged vocabulary, built shard by shard in shard order. */
export class VocabularyMerge {
  readonly stems: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Takes the next shard's stems (in its id order); returns its term id → merged term id. */
  add(shardStems: readonly string[]): Int32Array {
    const remap = new Int32Array(shardStems.length);
    for (let t = 0; t < shardStems.length; t++) {
      let id = this.ids.get(shardStems[t]);
      if (id === undefined) {
        id = this.stems.length;
        this.stems.push(shardStems[t]);
        this.ids.set(shardStems[t], id);
      }
      remap[t] = id;
    }
    return remap;
  }
}

const isIdentity = (remap: Int32Array): boolean => remap.every((id, t) => id === t);

/**
 * Renumbers a shard's terms into the merged vocabulary (`remap` from VocabularyMerge.add; `termCount`: the merged
 * vocabulary's size then): tokens in place, per-term arrays moved, sketches made again (they hash term ids). Done
 * where the shard was built, this work runs on every thread at once instead of in the merge.
 */
export function renumberShard(state: CorpusState, remap: Int32Array, termCount: number): CorpusState {
  if (isIdentity(remap)) return state;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    tokens[i] = (remap[word & TERM_MASK] | (word & ~TERM_MASK)) >>> 0;
  }
  const moved = <T extends Numbers>(from: T, make: { new (n: number): T }): T => {
    const out = new make(termCount);
    for (let t = 0; t < from.length; t++) out[remap[t]] = from[t];
    return out;
  };
  const p = state.postings;
  sketchShard(state, tokens, 0, state.sketches, 0);
  return {
    ...state,
    df: moved(state.df, Int32Array),
    postings: { pool: p.pool, head: moved(p.head, Uint32Array), tail: moved(p.tail, Uint32Array), fill: moved(p.fill, Uint16Array), blocks: moved(p.blocks, Uint8Array) },
  };
}

// The sketches of a shard's documents into `out` from `d0` on, from its tokens found in `tokens` from `t0` on:
// the content terms of its sentence passages, as Corpus.set collects them.
let content = new Int32Array(1024);
function sketchShard(s: CorpusState, tokens: Uint32Array, t0: number, out: Uint32Array, d0: number): void {
  for (let d = 0; d < s.documents.length; d++) {
    let n = 0;
    const first = s.firstPassage[d];
    for (let p = first; p < first + s.passageCount[d]; p++) {
      if (s.passageFlags[p] & PASSAGE_IS_QUOTE) continue;
      const from = t0 + s.tokenStart[p];
      const to = from + s.tokenCount[p];
      if (content.length < n + (to - from)) {
        const grown = new Int32Array(2 * (n + to - from));
        grown.set(content.subarray(0, n));
        content = grown;
      }
      for (let i = from; i < to; i++) {
        const word = tokens[i];
        if (!((word >>> FLAG_SHIFT) & TOKEN_STOPWORD)) content[n++] = word & TERM_MASK;
      }
    }
    out.set(sketchOf(content, n), (d0 + d) * SKETCH_SIZE);
  }
}

/**
 * The state of one corpus holding the documents of `shards`, in shard order. Shards must have no deleted
 * documents (fresh builds). `vocabulary`: the merged stems when every shard is renumbered into them already
 * (renumberShard); without it the shards' own vocabularies are merged here. Consumes `shards`: the merged state
 * is built one array at a time, and each shard's copy of an array is let go as soon as it is copied, so that
 * what is freed can be collected while the next one is made and the peak stays well under the shards and the
 * merged index side by side.
 */
export function mergeCorpusStates(shards: (CorpusState | undefined)[], vocabulary?: string[]): CorpusState {
  const all = shards.map((s) => {
    if (!s) throw new Error('mergeCorpusStates: a shard was merged already');
    if (s.documents.includes(null) || s.livePassages !== s.passageDocument.length) throw new Error('mergeCorpusStates: a shard has deleted documents');
    return s;
  });
  shards.fill(undefined);
  let stems: string[];
  let remaps: { remap: Int32Array; identity: boolean }[];
  if (vocabulary) {
    stems = vocabulary;
    const same = Int32Array.from(stems, (_, t) => t);
    remaps = all.map(() => ({ remap: same, identity: true }));
  } else {
    const merge = new VocabularyMerge();
    remaps = all.map((s) => {
      const remap = merge.add(s.stems);
      return { remap, identity: isIdentity(remap) };
    });
    stems = merge.stems;
  }

  // Where each shard's documents, passages and tokens start in the merged arrays.
  const documentOffset: number[] = [];
  const passageOffset: number[] = [];
  const tokenOffset: number[] = [];
  let documentTotal = 0;
  let passageTotal = 0;
  let tokenTotal = 0;
  let livePassages = 0;
  let liveLength = 0;
  const df = new Int32Array(stems.length);
  const documents: string[] = [];
  const texts: Uint8Array[] = [];
  for (let k = 0; k < all.length; k++) {
    const s = all[k];
    const { remap } = remaps[k];
    for (let t = 0; t < s.df.length; t++) df[remap[t]] += s.df[t];
    for (let d = 0; d < s.documents.length; d++) {
      documents.push(s.documents[d] as string);
      texts.push(s.texts[d] as Uint8Array);
    }
    s.texts = [];
    documentOffset.push(documentTotal);
    passageOffset.push(passageTotal);
    tokenOffset.push(tokenTotal);
    documentTotal += s.documents.length;
    passageTotal += s.passageDocument.length;
    tokenTotal += s.tokens.length;
    livePassages += s.livePassages;
    liveLength += s.liveLength;
  }

  // Tokens, with term ids mapped; then the sketches, which hash them.
  const tokens = new Uint32Array(tokenTotal);
  for (let k = 0; k < all.length; k++) {
    const from = all[k].tokens;
    const { remap, identity } = remaps[k];
    const t0 = tokenOffset[k];
    if (identity) tokens.set(from, t0);
    else {
      for (let i = 0; i < from.length; i++) {
        const word = from[i];
        tokens[t0 + i] = (remap[word & TERM_MASK] | (word & ~TERM_MASK)) >>> 0;
      }
    }
    all[k].tokens = new Uint32Array(0);
  }
  const sketches = new Uint32Array(documentTotal * SKETCH_SIZE);
  for (let k = 0; k < all.length; k++) {
    const s = all[k];
    if (remaps[k].identity) sketches.set(s.sketches, documentOffset[k] * SKETCH_SIZE);
    else sketchShard(s, tokens, tokenOffset[k], sketches, documentOffset[k]);
    s.sketches = new Uint32Array(0);
  }

  // Postings: without deletions a term's list holds one entry per passage it is in, its document frequency.
  const postings = new PostingsMerge(df);
  for (let k = 0; k < all.length; k++) {
    postings.append(all[k].postings, remaps[k].remap, passageOffset[k]);
    all[k].postings = { pool: new Uint32Array(0), head: new Uint32Array(0), tail: new Uint32Array(0), fill: new Uint16Array(0), blocks: new Uint8Array(0) };
  }

  // The per-document and per-passage arrays, moved by their shard's offsets where they point into other arrays.
  const column = <T extends Numbers>(name: Column, make: { new (n: number): T }, total: number, offsets?: number[]): T => {
    const out = new make(total);
    let at = 0;
    for (let k = 0; k < all.length; k++) {
      const from = all[k][name] as T;
      const shift = offsets ? offsets[k] : 0;
      if (shift === 0) out.set(from as never, at);
      else for (let i = 0; i < from.length; i++) out[at + i] = from[i] + shift;
      at += from.length;
      (all[k] as Record<Column, Numbers>)[name] = new make(0);
    }
    return out;
  };
  return {
    stems,
    df,
    postings: postings.state(),
    documents,
    texts,
    firstPassage: column('firstPassage', Int32Array, documentTotal, passageOffset),
    passageCount: column('passageCount', Int32Array, documentTotal),
    sketches,
    passageDocument: column('passageDocument', Int32Array, passageTotal, documentOffset),
    passageStart: column('passageStart', Uint32Array, passageTotal),
    passageEnd: column('passageEnd', Uint32Array, passageTotal),
    passageByte: column('passageByte', Uint32Array, passageTotal),
    passageLine: column('passageLine', Uint32Array, passageTotal),
    passageLength: column('passageLength', Uint16Array, passageTotal),
    passageFlags: column('passageFlags', Uint8Array, passageTotal),
    tokenStart: column('tokenStart', Uint32Array, passageTotal, tokenOffset),
    tokenCount: column('tokenCount', Uint32Array, passageTotal),
    tokens,
    livePassages,
    liveLength,
  };
}
