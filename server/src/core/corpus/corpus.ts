// The documents evidence is drawn from, indexed as passages (sentences and multi-sentence quotes).
//
// All state lives in flat typed arrays and string arrays (see CorpusState) so it can be saved, loaded and moved
// to a worker without closures: term ids (vocabulary.ts), a token list per passage (term id | flags << 24, the
// forward index the re-ranker reads), postings per term (postings.ts) for BM25, a MinHash sketch per document
// for wire copies (sketch.ts), and each document's text as UTF-8. Replacing or deleting a document leaves
// tombstones that `compact` sweeps once they outnumber half the live passages.

import type { Passage } from '../types';
import { Growable } from './growable';
import { LAYOUT_QUOTE, LAYOUT_SENTENCE, LAYOUT_STRIDE, layoutOf, type DocumentLayout } from './layout';
import { compactPostings, Postings, type PostingState } from './postings';
import { SKETCH_SIZE, sketchInto } from './sketch';
import { indexTokens, TokenBuffer } from './indexTokens';
import { TOKEN_INITIAL, TOKEN_NEGATED, TOKEN_QUOTED, TOKEN_STOPWORD } from './terms';
import { Vocabulary } from './vocabulary';

/** Low 24 bits of a token word: the term id; high 8 bits: TOKEN_* flags. */
export const TERM_MASK = 0xffffff;
export const FLAG_SHIFT = 24;

/** Passage flags. */
export const PASSAGE_IS_QUOTE = 1;
export const PASSAGE_HAS_QUOTE = 2;
export const PASSAGE_NEGATED = 4;

/** Everything a Corpus holds, as plain arrays: what an on-disk cache or a worker would move. */
export interface CorpusState {
  stems: string[];
  df: Int32Array;
  postings: PostingState;
  documents: (string | null)[];
  texts: (Uint8Array | null)[];
  firstPassage: Int32Array;
  passageCount: Int32Array;
  sketches: Uint32Array;
  passageDocument: Int32Array;
  passageStart: Uint32Array;
  passageEnd: Uint32Array;
  /** Where each passage starts in its document's UTF-8, and on which line (0-based), so evidence is placed without reading the document from its start. */
  passageByte: Uint32Array;
  passageLine: Uint32Array;
  passageLength: Uint16Array;
  passageFlags: Uint8Array;
  tokenStart: Uint32Array;
  tokenCount: Uint32Array;
  tokens: Uint32Array;
  livePassages: number;
  liveLength: number;
}

/** A quotation start and end past every position (a Smi, so the comparisons stay integer ones). */
const NO_QUOTE = 0x3fffffff;

const encoder = new TextEncoder();
const K1 = 1.2;
const B = 0.75;
/** Postings a query reads before its remaining (commoner) terms are scored on a shortlist instead: see search. */
const POSTINGS_BUDGET = 800;
/** Passages kept for scoring the common terms of a query. */
const SHORTLIST = 64;

/** One query term for BM25: a term id and how much it counts. */
export interface QueryTerm {
  term: number;
  weight: number;
}

/** A passage found by search, with its BM25 score. */
export interface Hit {
  passage: number;
  score: number;
}

/** The corpus: documents, their passages, and a compact inverted index over them. */
export class Corpus {
  readonly vocabulary: Vocabulary;
  private df: Growable<Int32Array>;
  private postings: Postings;
  private documents: (string | null)[];
  private texts: (Uint8Array | null)[];
  private readonly byId = new Map<string, number>();
  private firstPassage: Growable<Int32Array>;
  private passageCount: Growable<Int32Array>;
  private sketches: Growable<Uint32Array>;
  private passageDocument: Growable<Int32Array>;
  private passageStart: Growable<Uint32Array>;
  private passageEnd: Growable<Uint32Array>;
  private passageByte: Growable<Uint32Array>;
  private passageLine: Growable<Uint32Array>;
  private passageLength: Growable<Uint16Array>;
  private passageFlags: Growable<Uint8Array>;
  private tokenStart: Growable<Uint32Array>;
  private tokenCount: Growable<Uint32Array>;
  private tokens: Growable<Uint32Array>;
  private livePassages = 0;
  private liveLength = 0;
  // Scratch space, not state.
  private tf = new Uint16Array(1024);
  private unique = new Int32Array(256);
  private readonly buffer = new TokenBuffer();
  private readonly content = new Growable(Int32Array);
  /**
   * BM25's working memory, two floats per passage: [2p] the score a search is accumulating, [2p + 1] the passage's
   * length, or -1 once it is deleted. A posting's passage is then one random read of memory instead of three (score,
   * length, document): at 10,000 articles the accumulator alone is 1.6 MB, and those reads were most of a search.
   * Filled up to `scored` passages (appended as documents are added, see scoring).
   */
  private scores = new Float32Array(0);
  private scored = 0;
  /** Term id → 1 + its index among the common terms of the query being scored on a shortlist, else 0. */
  private commonSlot = new Uint8Array(0);
  private readonly touched = new Growable(Int32Array);
  private readonly decoded = new Map<number, string>();

  /**
   * From a state, or empty; an empty corpus may share `vocabulary` with others (the chunks one thread indexes
   * for a merge, so each word is stemmed and looked up once per thread, not once per chunk).
   */
  constructor(state?: CorpusState, vocabulary?: Vocabulary) {
    const grow = <T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(
      make: { new (n: number): T },
      data?: T,
    ): Growable<T> => {
      const g = new Growable(make);
      if (data) g.adopt(data);
      return g;
    };
    this.vocabulary = state ? new Vocabulary([...state.stems]) : (vocabulary ?? new Vocabulary());
    this.df = grow(Int32Array, state?.df);
    this.postings = new Postings(state?.postings);
    this.documents = state ? [...state.documents] : [];
    this.texts = state ? [...state.texts] : [];
    this.firstPassage = grow(Int32Array, state?.firstPassage);
    this.passageCount = grow(Int32Array, state?.passageCount);
    this.sketches = grow(Uint32Array, state?.sketches);
    this.passageDocument = grow(Int32Array, state?.passageDocument);
    this.passageStart = grow(Uint32Array, state?.passageStart);
    this.passageEnd = grow(Uint32Array, state?.passageEnd);
    this.passageByte = grow(Uint32Array, state?.passageByte);
    this.passageLine = grow(Uint32Array, state?.passageLine);
    this.passageLength = grow(Uint16Array, state?.passageLength);
    this.passageFlags = grow(Uint8Array, state?.passageFlags);
    this.tokenStart = grow(Uint32Array, state?.tokenStart);
    this.tokenCount = grow(Uint32Array, state?.tokenCount);
    this.tokens = grow(Uint32Array, state?.tokens);
    this.livePassages = state?.livePassages ?? 0;
    this.liveLength = state?.liveLength ?? 0;
    this.documents.forEach((id, d) => id !== null && this.byId.set(id, d));
  }

  /**
   * The whole state as plain arrays. The typed arrays are views on the corpus's own memory, not copies, so
   * saving it or handing it to another thread (transferring the buffers) never holds the index twice. Use it
   * before the corpus changes again, and never build a second live Corpus from it in the same thread.
   */
  state(): CorpusState {
    return {
      stems: [...this.vocabulary.stems],
      df: this.df.view(),
      postings: this.postings.state(),
      documents: [...this.documents],
      texts: [...this.texts],
      firstPassage: this.firstPassage.view(),
      passageCount: this.passageCount.view(),
      sketches: this.sketches.view(),
      passageDocument: this.passageDocument.view(),
      passageStart: this.passageStart.view(),
      passageEnd: this.passageEnd.view(),
      passageByte: this.passageByte.view(),
      passageLine: this.passageLine.view(),
      passageLength: this.passageLength.view(),
      passageFlags: this.passageFlags.view(),
      tokenStart: this.tokenStart.view(),
      tokenCount: this.tokenCount.view(),
      tokens: this.tokens.view(),
      livePassages: this.livePassages,
      liveLength: this.liveLength,
    };
  }

  /**
   * Adds or replaces a document. `utf8`: the text's exact UTF-8 bytes, when the caller read them (kept, not encoded
   * again); `layout`: the text's layoutOf, when the caller worked it out already (on another thread, say).
   */
  set(documentId: string, text: string, utf8?: Uint8Array, layout?: DocumentLayout): void {
    this.delete(documentId);
    const d = this.documents.length;
    this.documents.push(documentId);
    const bytes = utf8 ?? encoder.encode(text);
    this.texts.push(bytes);
    this.byId.set(documentId, d);
    const { passages, quotes } = layout ?? layoutOf(text, bytes.length === text.length);
    const passageTotal = passages.length / LAYOUT_STRIDE;
    this.firstPassage.push(this.passageDocument.length);
    this.passageCount.push(passageTotal);
    const vocabulary = this.vocabulary;
    const tokens = this.tokens;
    const buffer = this.buffer;
    const content = this.content;
    content.length = 0;
    for (let at = 0; at < passages.length; at += LAYOUT_STRIDE) {
      const spanStart = passages[at];
      const spanEnd = passages[at + 1];
      const p = this.passageDocument.push(d);
      this.passageStart.push(spanStart);
      this.passageEnd.push(spanEnd);
      this.passageByte.push(passages[at + 3]);
      this.passageLine.push(passages[at + 4]);
      const first = tokens.length;
      this.tokenStart.push(first);
      buffer.length = 0;
      indexTokens(text, spanStart, spanEnd, vocabulary, buffer);
      const n = buffer.length;
      const { ids, flags: tokenFlags, starts } = buffer;
      tokens.reserve(first + n);
      content.reserve(content.length + n);
      if (this.unique.length < n) this.unique = new Int32Array(n * 2);
      if (this.tf.length < vocabulary.size) this.growTf(vocabulary.size - 1);
      const words = tokens.data;
      const unique = this.unique;
      const tf = this.tf;
      const kind = passages[at + 2];
      const sentence = kind === LAYOUT_SENTENCE;
      let uniqueCount = 0;
      // Quotation spans are sorted; the one that ends first after the token (none: past every token).
      let q = 0;
      while (q < quotes.length && quotes[q + 1] <= spanStart) q += 2;
      let quoteStart = q < quotes.length ? quotes[q] : NO_QUOTE;
      let quoteEnd = q < quotes.length ? quotes[q + 1] : NO_QUOTE;
      let flagsOfPassage = kind === LAYOUT_QUOTE ? PASSAGE_IS_QUOTE : 0;
      let length = 0;
      for (let j = 0; j < n; j++) {
        const id = ids[j];
        const start = starts[j];
        let flags = tokenFlags[j];
        if (start >= quoteEnd) {
          do q += 2;
          while (q < quotes.length && quotes[q + 1] <= start);
          quoteStart = q < quotes.length ? quotes[q] : NO_QUOTE;
          quoteEnd = q < quotes.length ? quotes[q + 1] : NO_QUOTE;
        }
        if (start >= quoteStart) {
          flags |= TOKEN_QUOTED;
          flagsOfPassage |= PASSAGE_HAS_QUOTE;
        }
        if (flags & TOKEN_NEGATED) flagsOfPassage |= PASSAGE_NEGATED;
        words[first + j] = (id | (flags << FLAG_SHIFT)) >>> 0;
        if (flags & TOKEN_STOPWORD) continue;
        length++;
        if (tf[id]++ === 0) unique[uniqueCount++] = id;
        if (sentence) content.data[content.length++] = id;
      }
      if (n > 0) words[first] = (words[first] | (TOKEN_INITIAL << FLAG_SHIFT)) >>> 0;
      tokens.length = first + n;
      this.tokenCount.push(n);
      this.passageLength.push(Math.min(length, 0xffff));
      this.passageFlags.push(flagsOfPassage);
      this.df.reserve(vocabulary.size);
      this.df.length = Math.max(this.df.length, vocabulary.size);
      this.postings.addPassage(p, unique, uniqueCount, tf, this.df.data);
      this.livePassages++;
      this.liveLength += length;
    }
    const sketches = this.sketches;
    sketches.reserve(sketches.length + SKETCH_SIZE);
    sketchInto(content.data, content.length, sketches.data, sketches.length);
    sketches.length += SKETCH_SIZE;
  }

  private growTf(id: number): void {
    const next = new Uint16Array(Math.max(id + 1, this.tf.length * 2));
    next.set(this.tf);
    this.tf = next;
  }

  /** Removes a document; its passages stop matching at once and are swept later. */
  delete(documentId: string): void {
    const d = this.byId.get(documentId);
    if (d === undefined) return;
    this.byId.delete(documentId);
    const first = this.firstPassage.data[d];
    const count = this.passageCount.data[d];
    for (let p = first; p < first + count; p++) {
      const from = this.tokenStart.data[p];
      const to = from + this.tokenCount.data[p];
      const seen = new Set<number>();
      for (let i = from; i < to; i++) {
        const word = this.tokens.data[i];
        if ((word >>> FLAG_SHIFT) & TOKEN_STOPWORD) continue;
        const id = word & TERM_MASK;
        if (!seen.has(id)) {
          seen.add(id);
          this.df.data[id]--;
        }
      }
      this.passageDocument.data[p] = -1;
      if (p < this.scored) this.scores[2 * p + 1] = -1;
      this.livePassages--;
      this.liveLength -= this.passageLength.data[p];
    }
    this.documents[d] = null;
    this.texts[d] = null;
    this.decoded.delete(d);
    if (this.passageDocument.length - this.livePassages > Math.max(1000, this.livePassages / 2)) this.compact();
  }

  /** Rebuilds the index without tombstones: passages and documents are renumbered, postings rewritten. */
  compact(): void {
    const old: Omit<CorpusState, 'postings'> & { postings?: PostingState } = this.state();
    // Live passages keep their order. The postings are renumbered into new lists and the old ones let go; the columns
    // and tokens move down in place (a live passage only ever moves to a lower number), so nothing else is copied
    // (at 50,000 articles the tokens alone are ~180 MB).
    const remap = new Int32Array(old.passageDocument.length).fill(-1);
    let live = 0;
    for (let d = 0; d < old.documents.length; d++) {
      if (old.documents[d] === null) continue;
      for (let p = old.firstPassage[d]; p < old.firstPassage[d] + old.passageCount[d]; p++) remap[p] = live++;
    }
    this.postings = new Postings(compactPostings(old.postings!, remap));
    delete old.postings;
    const columns = [this.passageStart, this.passageEnd, this.passageByte, this.passageLine, this.passageLength, this.passageFlags, this.tokenCount, this.tokenStart];
    const documents: (string | null)[] = [];
    const texts: (Uint8Array | null)[] = [];
    let passages = 0;
    let tokens = 0;
    for (let d = 0; d < old.documents.length; d++) {
      if (old.documents[d] === null) continue;
      const nd = documents.length;
      documents.push(old.documents[d]);
      texts.push(old.texts[d]);
      const first = old.firstPassage[d];
      const count = old.passageCount[d];
      this.firstPassage.data[nd] = passages;
      this.passageCount.data[nd] = count;
      this.sketches.data.copyWithin(nd * SKETCH_SIZE, d * SKETCH_SIZE, (d + 1) * SKETCH_SIZE);
      this.passageDocument.data.fill(nd, passages, passages + count);
      if (count > 0) {
        // A document's passages, and their tokens, lie together.
        const from = this.tokenStart.data[first];
        const to = this.tokenStart.data[first + count - 1] + this.tokenCount.data[first + count - 1];
        for (const column of columns) column.data.copyWithin(passages, first, first + count);
        for (let p = passages; p < passages + count; p++) this.tokenStart.data[p] = this.tokenStart.data[p] - from + tokens;
        this.tokens.data.copyWithin(tokens, from, to);
        tokens += to - from;
      }
      passages += count;
    }
    for (const column of [...columns, this.passageDocument]) column.length = passages;
    this.firstPassage.length = this.passageCount.length = documents.length;
    this.sketches.length = documents.length * SKETCH_SIZE;
    this.tokens.length = tokens;
    this.documents = documents;
    this.texts = texts;
    this.byId.clear();
    this.documents.forEach((id, d) => id !== null && this.byId.set(id, d));
    this.decoded.clear();
    this.scored = 0;
  }

  has(documentId: string): boolean {
    return this.byId.has(documentId);
  }

  get documentIds(): string[] {
    return [...this.byId.keys()];
  }

  /** Live documents. */
  get size(): number {
    return this.byId.size;
  }

  /** Live passages. */
  get passageTotal(): number {
    return this.livePassages;
  }

  /** The index of a document in the state arrays, or -1. */
  documentIndex(documentId: string): number {
    return this.byId.get(documentId) ?? -1;
  }

  documentId(d: number): string {
    const id = this.documents[d];
    if (id === null || id === undefined) throw new Error(`no document ${d}`);
    return id;
  }

  /** A document's text (decoded from UTF-8; the last few are kept). */
  text(d: number): string {
    let text = this.decoded.get(d);
    if (text === undefined) {
      const bytes = this.texts[d];
      if (!bytes) throw new Error(`no document ${d}`);
      text = decodeUtf8(bytes);
      if (this.decoded.size >= 256) this.decoded.delete(this.decoded.keys().next().value as number);
      this.decoded.set(d, text);
    }
    return text;
  }

  /**
   * Every document's MinHash sketch (for similarSketches), SKETCH_SIZE hashes each from sketchAt(d): read in place,
   * since a view per document compared was an allocation per pair of documents.
   */
  sketchStore(): Uint32Array {
    return this.sketches.data;
  }

  /** Where document d's sketch starts in sketchStore(). */
  sketchAt(d: number): number {
    return d * SKETCH_SIZE;
  }

  /** The passages of a document as plain data, positions included. */
  passages(documentId: string): Passage[] {
    const d = this.documentIndex(documentId);
    if (d < 0) return [];
    const first = this.firstPassage.data[d];
    const out: Passage[] = [];
    for (let p = first; p < first + this.passageCount.data[d]; p++) out.push(this.passage(p));
    return out;
  }

  /**
   * One passage as plain data: only the passage's own UTF-8 is read, from where it starts (kept at indexing with its
   * line). Evidence shows passages of hundreds of documents per report; reading each document's bytes from its start
   * to place its passage had been a tenth of a report.
   */
  passage(p: number): Passage {
    const d = this.passageDocument.data[p];
    const bytes = this.texts[d];
    if (!bytes) throw new Error(`no passage ${p}`);
    const start = this.passageStart.data[p];
    const end = this.passageEnd.data[p];
    const startByte = this.passageByte.data[p];
    const line = this.passageLine.data[p];
    const character = utf16Length(bytes, lineStart(bytes, startByte), startByte);
    const walked = walkUtf8(bytes, startByte, end - start);
    return {
      documentId: this.documentId(d),
      start,
      end,
      line,
      character,
      endLine: line + walked.breaks,
      endCharacter: walked.breaks > 0 ? walked.sinceBreak : character + (end - start),
      text: decodeUtf8(bytes, startByte, walked.byte),
    };
  }

  /** The text of one passage (decoded on its own, see passage). */
  passageText(p: number): string {
    const d = this.passageDocument.data[p];
    const bytes = this.texts[d];
    if (!bytes) throw new Error(`no passage ${p}`);
    const startByte = this.passageByte.data[p];
    return decodeUtf8(bytes, startByte, walkUtf8(bytes, startByte, this.passageEnd.data[p] - this.passageStart.data[p]).byte);
  }

  /** The document a passage belongs to (-1 once deleted). */
  passageDocumentOf(p: number): number {
    return this.passageDocument.data[p];
  }

  passageFlagsOf(p: number): number {
    return this.passageFlags.data[p];
  }

  /** [start, end) of a passage in its document's text. */
  passageSpan(p: number): { start: number; end: number } {
    return { start: this.passageStart.data[p], end: this.passageEnd.data[p] };
  }

  /** The passages of document d: [first, first + count). */
  /** How many passages document d has. */
  passageCountOf(d: number): number {
    return this.passageCount.data[d];
  }

  passageRange(d: number): { first: number; count: number } {
    return { first: this.firstPassage.data[d], count: this.passageCount.data[d] };
  }

  /** A passage's tokens (term id | flags << FLAG_SHIFT), a view into the state: do not keep it. */
  passageTokens(p: number): Uint32Array {
    const from = this.tokenStart.data[p];
    return this.tokens.data.subarray(from, from + this.tokenCount.data[p]);
  }

  /** A hash of a passage's tokens (FNV-1a over their count and words): passages with equal tokens hash alike. */
  passageTokenHash(p: number): number {
    const tokens = this.tokens.data;
    const from = this.tokenStart.data[p];
    const count = this.tokenCount.data[p];
    let h = 0x811c9dc5 ^ count;
    for (let i = from; i < from + count; i++) h = Math.imul(h ^ tokens[i], 0x01000193);
    return h;
  }

  /** Whether passages p and q have the same tokens (terms and flags), read in place. */
  sameTokens(p: number, q: number): boolean {
    const count = this.tokenCount.data[p];
    if (this.tokenCount.data[q] !== count) return false;
    const tokens = this.tokens.data;
    const a = this.tokenStart.data[p];
    const b = this.tokenStart.data[q];
    for (let i = 0; i < count; i++) if (tokens[a + i] !== tokens[b + i]) return false;
    return true;
  }

  /** Inverse document frequency of a term over live passages; unseen terms count as once-seen. */
  idf(term: number): number {
    const df = term >= 0 && term < this.df.length ? Math.max(1, this.df.data[term]) : 1;
    const n = Math.max(this.livePassages, df);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 over passages, best first. `exclude` (document indices) keeps a document from being evidence for itself.
   * Terms are taken rarest first and read from their postings; once enough passages are found and the next
   * term's list would take the query past its budget of postings, the best few hundred found so far are scored
   * for the remaining (commoner) terms from their own token lists instead: a common word can hardly lift an
   * unseen passage into the top, and reading its whole postings list would cost more than the rest of the query.
   */
  search(query: readonly QueryTerm[], options: { exclude?: readonly number[]; limit?: number } = {}): Hit[] {
    const limit = options.limit ?? 20;
    const exclude = options.exclude ?? [];
    const termCount = this.queryTerms(query);
    if (termCount === 0) return [];
    const { terms, weights: termWeights } = queryScratch;
    const acc = this.scoring();
    const touched = this.touched;
    touched.length = 0;
    // The excluded documents' passages, as ranges [from, to): a passage's number says whether it is one of them.
    const excluded: number[] = [];
    for (const d of exclude) if (d >= 0 && d < this.documents.length) excluded.push(this.firstPassage.data[d], this.firstPassage.data[d] + this.passageCount.data[d]);
    const avg = this.liveLength / Math.max(1, this.livePassages);
    let read = 0;
    let k = 0;
    // (One closure for the query, reading the term's weight from `w`: not one per term.)
    let w = 0;
    const visit = (pool: Uint32Array, from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const entry = pool[i];
        const p = entry >>> 4;
        const tf = entry & 15;
        const at = p << 1;
        const length = acc[at + 1];
        if (length < 0) continue; // deleted
        const prior = acc[at];
        if (prior === 0) {
          if (isExcluded(excluded, p)) continue;
          touched.push(p);
        }
        acc[at] = prior + (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avg));
      }
    };
    for (; k < termCount; k++) {
      const df = this.df.data[terms[k]];
      if (touched.length >= limit && read + df > POSTINGS_BUDGET) break;
      read += df;
      w = termWeights[k];
      this.postings.forEachBlock(terms[k], visit);
    }
    let hits: Hit[];
    if (k < termCount) {
      // The common terms, scored on the best passages found so far from their token lists (through a slot per
      // term in a typed array: this loop reads every token of a hundred passages per query).
      if (this.commonSlot.length < this.df.data.length) this.commonSlot = new Uint8Array(this.df.data.length);
      const slot = this.commonSlot;
      const common = Math.min(termCount - k, 255); // (a query of more distinct words drops its commonest)
      const weights = queryScratch.commonWeights;
      const tf = queryScratch.tf;
      for (let j = 0; j < common; j++) {
        slot[terms[k + j]] = j + 1;
        weights[j] = termWeights[k + j];
      }
      const listed = topHits(acc, touched.data, touched.length, Math.max(SHORTLIST, limit * 4));
      const tokens = this.tokens.data;
      for (let b = 0; b < listed; b++) {
        const passage = best.passages[b];
        for (let j = 0; j < common; j++) tf[j] = 0;
        const from = this.tokenStart.data[passage];
        const to = from + this.tokenCount.data[passage];
        for (let i = from; i < to; i++) {
          const s = slot[tokens[i] & TERM_MASK];
          if (s !== 0 && tf[s - 1] < 15) tf[s - 1]++;
        }
        // (The length beside the passage's score, already read, not passageLength: one cache miss less per passage.)
        const norm = K1 * (1 - B + (B * acc[(passage << 1) + 1]) / avg);
        let score = best.scores[b];
        for (let j = 0; j < common; j++) {
          const f = tf[j];
          if (f > 0) score += (weights[j] * f * (K1 + 1)) / (f + norm);
        }
        best.scores[b] = score;
      }
      for (let j = 0; j < common; j++) slot[terms[k + j]] = 0;
      sortBest(0, listed - 1);
      hits = bestHits(Math.min(listed, limit));
    } else hits = bestHits(topHits(acc, touched.data, touched.length, limit));
    for (let i = 0; i < touched.length; i++) acc[touched.data[i] << 1] = 0;
    return hits;
  }

  // The query's terms the corpus has, weighted by rarity, highest weight first (equal weights in query order), into
  // queryScratch; returns how many.
  private queryTerms(query: readonly QueryTerm[]): number {
    if (queryScratch.terms.length < query.length) {
      const m = 2 * query.length;
      queryScratch.terms = new Int32Array(m);
      queryScratch.weights = new Float64Array(m);
      queryScratch.order = new Int32Array(m);
    }
    const { terms, weights } = queryScratch;
    let n = 0;
    for (const q of query) {
      if (!(q.term >= 0 && q.term < this.df.length && this.df.data[q.term] > 0 && q.weight > 0)) continue;
      terms[n] = q.term;
      weights[n++] = q.weight * this.idf(q.term);
    }
    // A stable sort, heaviest first: by insertion for a sentence's few terms, else by an index sort with the
    // position as the tie-break.
    if (n <= 64) {
      for (let i = 1; i < n; i++) {
        const t = terms[i];
        const x = weights[i];
        let j = i - 1;
        while (j >= 0 && weights[j] < x) {
          terms[j + 1] = terms[j];
          weights[j + 1] = weights[j];
          j--;
        }
        terms[j + 1] = t;
        weights[j + 1] = x;
      }
    } else {
      const order = queryScratch.order.subarray(0, n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => weights[b] - weights[a] || a - b);
      const sortedTerms = Int32Array.from(order, (i) => terms[i]);
      const sortedWeights = Float64Array.from(order, (i) => weights[i]);
      terms.set(sortedTerms);
      weights.set(sortedWeights);
    }
    return n;
  }

  // The search's working memory (see scores), extended to passages added since the last search.
  private scoring(): Float32Array {
    const n = this.passageDocument.length;
    if (this.scores.length < 2 * n) {
      const next = new Float32Array(2 * Math.max(n, this.passageDocument.data.length));
      next.set(this.scores.subarray(0, 2 * this.scored));
      this.scores = next;
    }
    const scores = this.scores;
    const docs = this.passageDocument.data;
    const lengths = this.passageLength.data;
    for (let p = this.scored; p < n; p++) {
      scores[2 * p] = 0;
      scores[2 * p + 1] = docs[p] < 0 ? -1 : lengths[p];
    }
    this.scored = n;
    return scores;
  }

  /** Sizes for memory reports. */
  stats(): { documents: number; passages: number; terms: number; tokens: number; postingWords: number; textBytes: number } {
    let textBytes = 0;
    for (const t of this.texts) textBytes += t?.length ?? 0;
    return {
      documents: this.size,
      passages: this.livePassages,
      terms: this.vocabulary.size,
      tokens: this.tokens.length,
      postingWords: this.postings.words,
      textBytes,
    };
  }
}

/** Keeps a U+FEFF that starts a range (a text or a passage may begin with one): by default TextDecoder drops it as a byte order mark. */
const exactDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * bytes[from, to) (well-formed UTF-8: the corpus wrote it with TextEncoder, or kept a file's) as the string they
 * encode, character for character. TextDecoder, not a decoding
 * loop into String.fromCharCode.apply: apply copies the char codes into an argument list first (8 bytes a
 * character, garbage), which made the loop slower (3.3 vs 2.5 µs a passage, Node 20) and a tenth of what a report
 * allocated.
 */
export function decodeUtf8(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return exactDecoder.decode(bytes.subarray(from, to));
}

/**
 * From byte `from` of well-formed UTF-8, `units` UTF-16 units on: the byte reached, the line breaks passed (\n, \r\n
 * or \r, as LineIndex counts them) and the units since the last of them.
 */
function walkUtf8(bytes: Uint8Array, from: number, units: number): { byte: number; breaks: number; sinceBreak: number } {
  const n = bytes.length;
  let i = from;
  let u = 0;
  let breaks = 0;
  let lineStart = 0;
  while (u < units && i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      u++;
      if (b === 10 || (b === 13 && bytes[i] !== 10)) {
        breaks++;
        lineStart = u;
      }
    } else if (b >= 0xf0) {
      i += 4;
      u += 2;
    } else {
      i += b >= 0xe0 ? 3 : 2;
      u++;
    }
  }
  return { byte: Math.min(i, n), breaks, sinceBreak: u - lineStart };
}

/** The byte where the line holding byte `at` starts. */
function lineStart(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && bytes[i - 1] !== 10 && bytes[i - 1] !== 13) i--;
  return i;
}

/** UTF-16 units in bytes[from, to) of well-formed UTF-8. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let u = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b < 0x80 || (b >= 0xc0 && b < 0xf0)) u++;
    else if (b >= 0xf0) u += 2;
  }
  return u;
}

const heap = { data: new Float32Array(256) };

/** search's query terms and weights (sorted by queryTerms), and the commoner terms' weights and counts per passage. */
const queryScratch = {
  terms: new Int32Array(64),
  weights: new Float64Array(64),
  order: new Int32Array(64),
  commonWeights: new Float64Array(255),
  tf: new Uint8Array(255),
};

/** The first `count` of topHits's picks as hits. */
function bestHits(count: number): Hit[] {
  const hits: Hit[] = new Array(count);
  for (let i = 0; i < count; i++) hits[i] = { passage: best.passages[i], score: best.scores[i] };
  return hits;
}

function isExcluded(ranges: readonly number[], p: number): boolean {
  for (let r = 0; r < ranges.length; r += 2) if (p >= ranges[r] && p < ranges[r + 1]) return true;
  return false;
}

// The `limit` best touched passages, best first (ties: earlier passage first), into best.passages/scores; returns
// how many. The score a passage must reach (the limit-th best) comes from one pass through a min-heap of the best
// scores so far, most passages rejected by one comparison with its root; sorting a copy of every touched score cost
// a tenth of a report's corroboration. `acc` holds passage p's score at [2p] (see Corpus.scores). Typed arrays, not
// objects: a report runs about a hundred searches, each shortlisting 64 passages.
function topHits(acc: Float32Array, touched: Int32Array, n: number, limit: number): number {
  if (n === 0 || limit <= 0) return 0;
  let floor = -Infinity;
  if (n > limit) {
    if (heap.data.length < limit) heap.data = new Float32Array(2 * limit);
    const h = heap.data;
    let size = 0;
    for (let i = 0; i < n; i++) {
      const s = acc[touched[i] << 1];
      if (size < limit) {
        // Sift up.
        let c = size++;
        while (c > 0) {
          const parent = (c - 1) >> 1;
          if (h[parent] <= s) break;
          h[c] = h[parent];
          c = parent;
        }
        h[c] = s;
      } else if (s > h[0]) {
        // Replace the root and sift down.
        let c = 0;
        for (;;) {
          let child = 2 * c + 1;
          if (child >= size) break;
          if (child + 1 < size && h[child + 1] < h[child]) child++;
          if (h[child] >= s) break;
          h[c] = h[child];
          c = child;
        }
        h[c] = s;
      }
    }
    floor = h[0];
  }
  // Every passage at or above the floor (ties at it may be more than `limit`), then the best `limit` of them.
  if (best.passages.length < n) best = { passages: new Int32Array(2 * n), scores: new Float64Array(2 * n) };
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = touched[i];
    if (acc[p << 1] < floor) continue;
    best.passages[count] = p;
    best.scores[count++] = acc[p << 1];
  }
  sortBest(0, count - 1);
  return Math.min(count, limit);
}

/** The passages topHits picks, with their scores (scratch, refilled by every search: read before the next one). */
let best = { passages: new Int32Array(256), scores: new Float64Array(256) };

// Whether best[i] goes before best[j]: higher score first, then the earlier passage (a total order: passages differ).
const before = (i: number, j: number): boolean => best.scores[i] > best.scores[j] || (best.scores[i] === best.scores[j] && best.passages[i] < best.passages[j]);

function swapBest(i: number, j: number): void {
  const p = best.passages[i];
  best.passages[i] = best.passages[j];
  best.passages[j] = p;
  const s = best.scores[i];
  best.scores[i] = best.scores[j];
  best.scores[j] = s;
}

// Sorts best[lo..hi] by `before`: quicksort down to short runs, then insertion sort.
function sortBest(lo: number, hi: number): void {
  while (hi - lo > 12) {
    const mid = (lo + hi) >> 1;
    // The median of three as the pivot, moved to hi.
    if (before(mid, lo)) swapBest(mid, lo);
    if (before(hi, lo)) swapBest(hi, lo);
    if (before(mid, hi)) swapBest(mid, hi);
    let store = lo;
    for (let i = lo; i < hi; i++) if (before(i, hi)) swapBest(i, store++);
    swapBest(store, hi);
    if (store - lo < hi - store) {
      sortBest(lo, store - 1);
      lo = store + 1;
    } else {
      sortBest(store + 1, hi);
      hi = store - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) for (let j = i; j > lo && before(j, j - 1); j--) swapBest(j, j - 1);
}
