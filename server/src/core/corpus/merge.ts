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

/**
 * The state of one corpus holding the documents of `shards`, in shard order. Shards must have no deleted
 * documents (fresh builds). Consumes `shards`: each entry is removed once copied, so that (with no other
 * reference to it) its memory can go before the next is read, and the peak is little more than the merged index.
 */
export function mergeCorpusStates(shards: (CorpusState | undefined)[]): CorpusState {
  const all = shards as CorpusState[];
  for (const s of all) {
    if (s.documents.includes(null) || s.livePassages !== s.passageDocument.length) throw new Error('mergeCorpusStates: a shard has deleted documents');
  }
  // The vocabulary: shard 0's as it is, then each shard's new stems in its own order.
  const stems = all.length > 0 ? [...all[0].stems] : [];
  const ids = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) ids.set(stems[i], i);
  const remaps = all.map((s, k) => {
    const remap = new Int32Array(s.stems.length);
    let identity = true;
    for (let t = 0; t < s.stems.length; t++) {
      let id = k === 0 ? t : ids.get(s.stems[t]);
      if (id === undefined) {
        id = stems.length;
        stems.push(s.stems[t]);
        ids.set(s.stems[t], id);
      }
      remap[t] = id;
      if (id !== t) identity = false;
    }
    return { remap, identity };
  });

  let documentTotal = 0;
  let passageTotal = 0;
  let tokenTotal = 0;
  const df = new Int32Array(stems.length);
  for (let k = 0; k < all.length; k++) {
    const s = all[k];
    const { remap } = remaps[k];
    for (let t = 0; t < s.df.length; t++) df[remap[t]] += s.df[t];
    documentTotal += s.documents.length;
    passageTotal += s.passageDocument.length;
    tokenTotal += s.tokens.length;
  }
  const documents: string[] = [];
  const texts: Uint8Array[] = [];
  // Without deletions a term's postings hold one entry per passage it is in: its document frequency.
  const postings = new PostingsMerge(df);
  const firstPassage = new Int32Array(documentTotal);
  const passageCount = new Int32Array(documentTotal);
  const sketches = new Uint32Array(documentTotal * SKETCH_SIZE);
  const passageDocument = new Int32Array(passageTotal);
  const passageStart = new Uint32Array(passageTotal);
  const passageEnd = new Uint32Array(passageTotal);
  const passageLength = new Uint16Array(passageTotal);
  const passageFlags = new Uint8Array(passageTotal);
  const tokenStart = new Uint32Array(passageTotal);
  const tokenCount = new Uint32Array(passageTotal);
  const tokens = new Uint32Array(tokenTotal);
  let livePassages = 0;
  let liveLength = 0;
  let content = new Int32Array(1024);

  let d0 = 0;
  let p0 = 0;
  let t0 = 0;
  for (let k = 0; k < all.length; k++) {
    const s = all[k];
    const { remap, identity } = remaps[k];
    for (let d = 0; d < s.documents.length; d++) {
      documents.push(s.documents[d] as string);
      texts.push(s.texts[d] as Uint8Array);
      firstPassage[d0 + d] = s.firstPassage[d] + p0;
      passageCount[d0 + d] = s.passageCount[d];
    }
    const np = s.passageDocument.length;
    for (let p = 0; p < np; p++) {
      passageDocument[p0 + p] = s.passageDocument[p] + d0;
      tokenStart[p0 + p] = s.tokenStart[p] + t0;
    }
    passageStart.set(s.passageStart, p0);
    passageEnd.set(s.passageEnd, p0);
    passageLength.set(s.passageLength, p0);
    passageFlags.set(s.passageFlags, p0);
    tokenCount.set(s.tokenCount, p0);
    if (identity) tokens.set(s.tokens, t0);
    else {
      const from = s.tokens;
      for (let i = 0; i < from.length; i++) {
        const word = from[i];
        tokens[t0 + i] = (remap[word & TERM_MASK] | (word & ~TERM_MASK)) >>> 0;
      }
    }
    postings.append(s.postings, remap, p0);
    if (identity) sketches.set(s.sketches, d0 * SKETCH_SIZE);
    else {
      // Sketches hash term ids, so a shard numbered apart is sketched again with the merged ids: the content
      // terms of its sentence passages, as Corpus.set collects them.
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
        sketches.set(sketchOf(content, n), (d0 + d) * SKETCH_SIZE);
      }
    }
    livePassages += s.livePassages;
    liveLength += s.liveLength;
    d0 += s.documents.length;
    p0 += np;
    t0 += s.tokens.length;
    shards[k] = undefined;
  }
  return {
    stems,
    df,
    postings: postings.state(),
    documents,
    texts,
    firstPassage,
    passageCount,
    sketches,
    passageDocument,
    passageStart,
    passageEnd,
    passageLength,
    passageFlags,
    tokenStart,
    tokenCount,
    tokens,
    livePassages,
    liveLength,
  };
}
