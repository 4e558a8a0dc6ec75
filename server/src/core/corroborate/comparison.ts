// One report's worth of comparisons against a corpus: the BM25 candidates of each article sentence, passage
// profiles, judgements and the speakers of passages, each computed once and cached for the report.

import { TERM_MASK, type Corpus, type QueryTerm } from '../corpus/corpus';
import type { Passage } from '../types';
import { similarSketches } from '../corpus/sketch';
import { Arena } from './arena';
import { profileOf, type Profile } from './features';
import { Lexicon } from './lexicon';
import { judgeStatement, type Judgement } from './relation';
import { passageSpeaker } from './speaker';

/**
 * Candidate passages BM25 finds per statement; the best JUDGED of them (after dropping copies of the article) are
 * judged by the model. 16 rather than 24: BM25's shortlist for common words shrinks with it (96 → 64 passages),
 * a third of the search's cost; at 10,000 articles 94% of the judged passages and 84 of 86 first candidates stay.
 */
export const CANDIDATES = 16;
export const JUDGED = 10;
/** Copy detection needs enough text on both sides to mean anything. */
export const MIN_PASSAGES_FOR_COPY = 4;

const lexicons = new WeakMap<Corpus, Lexicon>();

/** The lexicon of a corpus's vocabulary (made once per corpus). */
export function lexiconOf(corpus: Corpus): Lexicon {
  let lexicon = lexicons.get(corpus);
  if (!lexicon) lexicons.set(corpus, (lexicon = new Lexicon(corpus.vocabulary)));
  return lexicon;
}

export interface SentenceQuery {
  profile: Profile;
  hits: number[];
  /** By passage content (see Comparison.same): copies of a sentence in many documents are judged once. */
  judgements: Map<number, Judgement>;
}

export interface Candidate {
  passage: number;
  document: number;
  judgement: Judgement;
  /** Token range of the other document's wording of a quote. */
  wording?: { from: number; to: number };
}

/** One report's worth of comparisons against a corpus: caches passage profiles and other documents' speakers. */
export class Comparison {
  readonly lexicon: Lexicon;
  private readonly profiles = new Map<number, Profile>();
  /** Passage → the first passage seen with the same tokens (wire copies, shared boilerplate): profiled and judged once. */
  private readonly sameAs = new Map<number, number>();
  /** Hash of tokens → the first passage seen with it; passage → the next passage of other tokens with its hash (rare). */
  private readonly byContent = new Map<number, number>();
  private readonly nextWithHash = new Map<number, number>();
  private readonly wordCache = new Map<number, string[]>();
  private readonly sentences = new Map<number, SentenceQuery>();
  private readonly copies = new Map<number, boolean>();
  private readonly copyPairs = new Map<number, Map<number, boolean>>();
  private readonly speakers = new Map<number, string | null>();
  private readonly passages = new Map<number, Passage>();
  readonly exclude: number[];
  /** The profiles' arrays, which live as long as the report. */
  private readonly arrays = new Arena();
  readonly idf: (term: number) => number;
  readonly wordOf: (term: number) => string;

  constructor(
    readonly corpus: Corpus,
    documentId: string | null,
    private readonly articleSketch: Uint32Array | null,
  ) {
    this.lexicon = lexiconOf(corpus);
    const self = documentId === null ? -1 : corpus.documentIndex(documentId);
    this.exclude = self >= 0 ? [self] : [];
    this.idf = (t) => corpus.idf(t);
    this.wordOf = (t) => corpus.vocabulary.stems[t] ?? '';
  }

  /** An article sentence as a query: its profile, its BM25 candidates (unless `search` is false), its judgements; cached. */
  sentence(index: number, tokens: Uint32Array, search = true): SentenceQuery {
    let sq = this.sentences.get(index);
    if (!sq) {
      const profile = this.queryProfile(tokens);
      this.sentences.set(index, (sq = { profile, hits: search && profile.contentCount > 0 ? this.search(queryTermsOf(profile)) : [], judgements: new Map() }));
    }
    return sq;
  }

  /** judgeStatement for an article sentence and a passage, cached (for all passages with the same words). */
  judge(sq: SentenceQuery, passage: number): Judgement {
    const key = this.same(passage);
    let j = sq.judgements.get(key);
    if (!j) sq.judgements.set(key, (j = judgeStatement(sq.profile, this.profile(key), this.lexicon, this.wordOf, this.corpus.passageTotal)));
    return j;
  }

  profile(passage: number): Profile {
    const key = this.same(passage);
    let p = this.profiles.get(key);
    if (!p) {
      // (A copy: the corpus's token arrays move when it grows.)
      const tokens = this.corpus.passageTokens(key);
      const own = this.arrays.uint32(tokens.length);
      own.set(tokens);
      this.profiles.set(key, (p = profileOf(own, this.idf, this.lexicon, this.arrays)));
    }
    return p;
  }

  /**
   * The first passage met in this report whose tokens are exactly this one's: the same sentence repeated in many
   * documents (wire copies, syndicated paragraphs) is compared once. Found by a hash of the tokens, then checked.
   */
  same(passage: number): number {
    let rep = this.sameAs.get(passage);
    if (rep !== undefined) return rep;
    // (Hashed and compared in the corpus's token array: a view per passage was most of what this allocated.)
    const h = this.corpus.passageTokenHash(passage);
    let q = this.byContent.get(h);
    if (q === undefined) {
      this.byContent.set(h, passage);
      rep = passage;
    } else {
      for (;;) {
        if (this.corpus.sameTokens(q, passage)) {
          rep = q;
          break;
        }
        const next = this.nextWithHash.get(q);
        if (next === undefined) {
          this.nextWithHash.set(q, passage);
          rep = passage;
          break;
        }
        q = next;
      }
    }
    this.sameAs.set(passage, rep);
    return rep;
  }

  /** The stems of a passage's tokens, for comparing wordings. */
  words(passage: number): string[] {
    const key = this.same(passage);
    let w = this.wordCache.get(key);
    if (!w) this.wordCache.set(key, (w = stemsOf(this.corpus.passageTokens(key), this.wordOf)));
    return w;
  }

  queryProfile(tokens: Uint32Array): Profile {
    return profileOf(tokens, this.idf, this.lexicon, this.arrays);
  }

  /** True when document d is a copy of the article itself: not an independent source. */
  isCopyOfArticle(d: number): boolean {
    if (!this.articleSketch) return false;
    let copy = this.copies.get(d);
    if (copy === undefined) {
      copy = this.corpus.passageCountOf(d) >= MIN_PASSAGES_FOR_COPY && similarSketches(this.articleSketch, 0, this.corpus.sketchStore(), this.corpus.sketchAt(d));
      this.copies.set(d, copy);
    }
    return copy;
  }

  /**
   * True when documents a and b are copies of one article (wire copies: the same MinHash sketch), both long enough
   * to tell; cached, as the same few documents are grouped for statement after statement.
   */
  areCopies(a: number, b: number): boolean {
    const { corpus } = this;
    if (corpus.passageCountOf(a) < MIN_PASSAGES_FOR_COPY || corpus.passageCountOf(b) < MIN_PASSAGES_FOR_COPY) return false;
    // By the lower document, then the higher: small-integer keys (one number for the pair would be a heap number,
    // slow to hash, and this is asked for every pair of documents a statement's evidence comes from).
    const low = Math.min(a, b);
    let pairs = this.copyPairs.get(low);
    if (!pairs) this.copyPairs.set(low, (pairs = new Map()));
    const high = Math.max(a, b);
    let copy = pairs.get(high);
    if (copy === undefined) {
      const store = corpus.sketchStore();
      pairs.set(high, (copy = similarSketches(store, corpus.sketchAt(a), store, corpus.sketchAt(b))));
    }
    return copy;
  }

  /** BM25 candidates for weighted query terms, other documents only. */
  search(terms: QueryTerm[]): number[] {
    const passages: number[] = [];
    for (const { passage } of this.corpus.search(terms, { exclude: this.exclude, limit: CANDIDATES })) {
      if (passages.length === JUDGED) break;
      if (!this.isCopyOfArticle(this.corpus.passageDocumentOf(passage))) passages.push(passage);
    }
    return passages;
  }

  /** A passage as plain data (cached: a quote and the claim of its sentence often share evidence). */
  passage(passage: number): Passage {
    let p = this.passages.get(passage);
    if (!p) this.passages.set(passage, (p = this.corpus.passage(passage)));
    return p;
  }

  /** The name a passage's attribution credits (cached), see speaker.ts. */
  speakerOf(passage: number): string | null {
    let s = this.speakers.get(passage);
    if (s === undefined) {
      this.speakers.set(passage, (s = passageSpeaker(this.passage(passage).text)));
    }
    return s;
  }
}

/** A profile's known content words, each of weight 1, in order: what BM25 is asked for. */
export function queryTermsOf(profile: Profile): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const { keys, content } = profile;
  for (let i = content; i < content + profile.contentCount; i++) if (keys[i] >= 0) terms.push({ term: keys[i], weight: 1 });
  return terms;
}

/** The stems of tokens (term id | flags), in order. */
export function stemsOf(tokens: Uint32Array, wordOf: (term: number) => string): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = wordOf(tokens[i] & TERM_MASK);
  return out;
}
