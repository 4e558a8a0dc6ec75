// Evidence for each quote and claim of an article: BM25 finds candidate passages in the other documents, the
// calibrated support model and the quote-wording comparison decide how each bears on the statement, and the
// best passage of every other document is kept — copies of one article (wire copies) counted once.

import { throwIfCancelled, noCancellation, type CancellationToken } from '../cancellation';
import { FLAG_SHIFT, PASSAGE_HAS_QUOTE, TERM_MASK, type Corpus, type QueryTerm } from '../corpus/corpus';
import { DUPLICATE_SIMILARITY, sketchOf, sketchSimilarity } from '../corpus/sketch';
import { scanTokens, TOKEN_STOPWORD } from '../corpus/terms';
import type { ArticleAnalysis, Attribution, ClaimFinding, Evidence, QuoteFinding, TextSpan } from '../types';
import { statusOf } from '../claims/status';
import { FEATURE, pairFeatures, profileOf, type Profile } from './features';
import { Lexicon } from './lexicon';
import { CONTEXT_THRESHOLD, DIFFERS_SIMILARITY, judgeQuote, judgeStatement, type Judgement } from './relation';
import { queryTokens } from './query';
import { passageSpeaker } from './speaker';
import { compareWording, quoteWords, type Wording } from './wording';

/** Candidate passages BM25 finds per statement; the best JUDGED of them are judged by the model. */
const CANDIDATES = 24;
const JUDGED = 12;
/** Sources shown per quote or claim. */
const MAX_SOURCES = 12;
/** Cache keys of the surroundings of article sentences (see Comparison.sentence). */
const SURROUNDINGS = 1 << 30;
/** For the best hits of a quote, quoted passages up to two sentences away are compared too. */
const NEIGHBOURING_HITS = 6;
const NO_WORDING: Wording = { match: 'none', similarity: 0, from: 0, to: 0 };
/** Copy detection needs enough text on both sides to mean anything. */
const MIN_PASSAGES_FOR_COPY = 4;

const lexicons = new WeakMap<Corpus, Lexicon>();

/** The lexicon of a corpus's vocabulary (made once per corpus). */
export function lexiconOf(corpus: Corpus): Lexicon {
  let lexicon = lexicons.get(corpus);
  if (!lexicon) lexicons.set(corpus, (lexicon = new Lexicon(corpus.vocabulary)));
  return lexicon;
}

const isContent = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0;

interface SentenceQuery {
  profile: Profile;
  hits: number[];
  judgements: Map<number, Judgement>;
}

interface Candidate {
  passage: number;
  document: number;
  judgement: Judgement;
  /** Token range of the other document's wording of a quote. */
  wording?: { from: number; to: number };
}

/** One report's worth of comparisons against a corpus: caches passage profiles and other documents' speakers. */
class Comparison {
  readonly lexicon: Lexicon;
  private readonly profiles = new Map<number, Profile>();
  private readonly wordCache = new Map<number, string[]>();
  private readonly sentences = new Map<number, SentenceQuery>();
  private readonly copies = new Map<number, boolean>();
  private readonly speakers = new Map<number, string | null>();
  readonly exclude: number[];
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
      const terms: QueryTerm[] = [...profile.content.keys()].filter((t) => t >= 0).map((term) => ({ term, weight: 1 }));
      this.sentences.set(index, (sq = { profile, hits: search && profile.content.size > 0 ? this.search(terms) : [], judgements: new Map() }));
    }
    return sq;
  }

  /** judgeStatement for an article sentence and a passage, cached. */
  judge(sq: SentenceQuery, passage: number): Judgement {
    let j = sq.judgements.get(passage);
    if (!j) sq.judgements.set(passage, (j = judgeStatement(sq.profile, this.profile(passage), this.lexicon, this.wordOf, this.corpus.passageTotal)));
    return j;
  }

  profile(passage: number): Profile {
    let p = this.profiles.get(passage);
    if (!p) this.profiles.set(passage, (p = profileOf(this.corpus.passageTokens(passage).slice(), this.idf, this.lexicon)));
    return p;
  }

  /** The stems of a passage's tokens, for comparing wordings. */
  words(passage: number): string[] {
    let w = this.wordCache.get(passage);
    if (!w) this.wordCache.set(passage, (w = Array.from(this.profile(passage).tokens, (t) => this.wordOf(t & TERM_MASK))));
    return w;
  }

  queryProfile(tokens: Uint32Array): Profile {
    return profileOf(tokens, this.idf, this.lexicon);
  }

  /** True when document d is a copy of the article itself: not an independent source. */
  isCopyOfArticle(d: number): boolean {
    if (!this.articleSketch) return false;
    let copy = this.copies.get(d);
    if (copy === undefined) {
      copy = this.corpus.passageRange(d).count >= MIN_PASSAGES_FOR_COPY && sketchSimilarity(this.articleSketch, this.corpus.sketch(d)) >= DUPLICATE_SIMILARITY;
      this.copies.set(d, copy);
    }
    return copy;
  }

  /** BM25 candidates for weighted query terms, other documents only. */
  search(terms: QueryTerm[]): number[] {
    return this.corpus
      .search(terms, { exclude: this.exclude, limit: CANDIDATES })
      .map((h) => h.passage)
      .filter((p) => !this.isCopyOfArticle(this.corpus.passageDocumentOf(p)))
      .slice(0, JUDGED);
  }

  /** The name a passage's attribution credits (cached), see speaker.ts. */
  speakerOf(passage: number): string | null {
    let s = this.speakers.get(passage);
    if (s === undefined) {
      const { start, end } = this.corpus.passageSpan(passage);
      this.speakers.set(passage, (s = passageSpeaker(this.corpus.text(this.corpus.passageDocumentOf(passage)).slice(start, end))));
    }
    return s;
  }
}

/** Finds, for each quote and claim of an article, the best passage of every other corpus document that bears on it. */
export function corroborate(
  analysis: ArticleAnalysis,
  documentId: string,
  corpus: Corpus,
  token: CancellationToken = noCancellation,
): { quotes: QuoteFinding[]; claims: ClaimFinding[] } {
  const { text } = analysis;
  const quoted = quoteSpans(analysis);
  const sentenceTokens = analysis.sentences.map((s) => queryTokens(corpus, text, s.start, s.end, quoted));
  const article = articleSketch(sentenceTokens, analysis.sentences.length);
  const cmp = new Comparison(corpus, documentId, article);
  const quotes: QuoteFinding[] = [];
  const differing = new Map<number, Candidate[]>(); // sentence index → differs candidates of its quotes
  for (const quote of analysis.quotes) {
    throwIfCancelled(token);
    if (quote.kind === 'scare') {
      quotes.push({ quote, evidence: [] });
      continue;
    }
    const si = analysis.sentences.findIndex((s) => s.start <= quote.start && quote.start < s.end);
    const sq = si >= 0 ? cmp.sentence(si, sentenceTokens[si]) : cmp.sentence(-1 - quote.start, queryTokens(corpus, text, quote.start, quote.end));
    const attribution = quote.attribution !== null ? analysis.attributions[quote.attribution] : undefined;
    // What the article says around the quote: its sentence and the two before, which often name the event.
    const around = si >= 0 ? cmp.sentence(SURROUNDINGS + si, concat(sentenceTokens.slice(Math.max(0, si - 2), si + 1)), quote.kind !== 'direct') : sq;
    const candidates = quoteCandidates(cmp, text, quote, sq, around, speakerOf(attribution) ?? speakerNearby(analysis, si));
    quotes.push({ quote, evidence: toEvidence(cmp, candidates) });
    if (si >= 0) differing.set(si, [...(differing.get(si) ?? []), ...candidates.filter((c) => c.judgement.relation === 'differs')]);
  }
  const claims: ClaimFinding[] = [];
  for (const claim of analysis.claims) {
    throwIfCancelled(token);
    const tokens = sentenceTokens[claim.sentence] ?? queryTokens(corpus, text, claim.start, claim.end);
    const sq = cmp.sentence(sentenceTokens[claim.sentence] ? claim.sentence : -1 - claim.start - text.length, tokens);
    const judged: Candidate[] = [];
    for (const p of sq.hits) {
      const judgement = cmp.judge(sq, p);
      if (judgement.relation) judged.push({ passage: p, document: corpus.passageDocumentOf(p), judgement });
    }
    const candidates = [...judged, ...(differing.get(claim.sentence) ?? [])];
    const evidence = toEvidence(cmp, candidates);
    claims.push({ claim, evidence, status: statusOf(evidence, claim.attribution !== null) });
  }
  return { quotes, claims };
}

/** Evidence for one statement (a sentence of text) from documents other than `exclude`: what the evaluation measures. */
export function evidenceForStatement(corpus: Corpus, statement: string, exclude: string | null = null): Evidence[] {
  const cmp = new Comparison(corpus, exclude, null);
  return toEvidence(cmp, statementCandidates(cmp, queryTokens(corpus, statement)));
}

/** How one document bears on a statement: its best passage's relation and score (null relation: none). */
export function compareWithDocument(corpus: Corpus, statement: string, documentId: string): Judgement {
  const cmp = new Comparison(corpus, null, null);
  const q = cmp.queryProfile(queryTokens(corpus, statement));
  const d = corpus.documentIndex(documentId);
  let best: Judgement = { relation: null, score: 0 };
  if (d < 0) return best;
  const { first, count } = corpus.passageRange(d);
  for (let p = first; p < first + count; p++) {
    const j = judgeStatement(q, cmp.profile(p), cmp.lexicon, cmp.wordOf, corpus.passageTotal);
    if (rank(j) > rank(best)) best = j;
  }
  return best;
}

// Supports and conflicts rank above "nothing"; then by score.
const rank = (j: Judgement): number => (j.relation ? 1 : 0) + j.score;

/** Every BM25 candidate for a statement re-ranked by the support model, relation or not, best first (for evaluation). */
export function rankPassages(corpus: Corpus, statement: string): { documentId: string; score: number }[] {
  const cmp = new Comparison(corpus, null, null);
  return statementCandidates(cmp, queryTokens(corpus, statement), true)
    .sort((a, b) => b.judgement.score - a.judgement.score || a.passage - b.passage)
    .map((c) => ({ documentId: corpus.documentId(c.document), score: c.judgement.score }));
}

function statementCandidates(cmp: Comparison, tokens: Uint32Array, all = false): Candidate[] {
  const q = cmp.queryProfile(tokens);
  if (q.content.size === 0) return [];
  const terms: QueryTerm[] = [...q.content.keys()].filter((t) => t >= 0).map((term) => ({ term, weight: 1 }));
  const out: Candidate[] = [];
  for (const p of cmp.search(terms)) {
    const judgement = judgeStatement(q, cmp.profile(p), cmp.lexicon, cmp.wordOf, cmp.corpus.passageTotal);
    if (judgement.relation || all) out.push({ passage: p, document: cmp.corpus.passageDocumentOf(p), judgement });
  }
  return out;
}

function quoteCandidates(cmp: Comparison, text: string, quote: TextSpan, sq: SentenceQuery, surroundings: SentenceQuery, speaker: string | null): Candidate[] {
  const { corpus, lexicon } = cmp;
  const inner = innerSpan(text, quote);
  const quoteTokens = queryTokens(corpus, text, inner.start, inner.end, [inner.start, inner.end]);
  if (quoteTokens.length === 0) return [];
  // The statement is the sentence around the quote, or the quote alone when it is long enough to stand alone.
  const context = sq.profile;
  const alone = quoteTokens.length >= 8 ? cmp.queryProfile(quoteTokens) : null;
  const prepared = quoteWords(quoteTokens, Array.from(quoteTokens, (w) => cmp.wordOf(w & TERM_MASK)));
  let quoteContent = 0;
  for (const w of quoteTokens) if (isContent(w)) quoteContent++;
  const seen = new Set<number>();
  const out: Candidate[] = [];
  const consider = (p: number): void => {
    if (seen.has(p)) return;
    seen.add(p);
    const passage = cmp.profile(p);
    let statementJudgement = cmp.judge(sq, p);
    if (alone) {
      const j = judgeStatement(alone, passage, lexicon, cmp.wordOf, corpus.passageTotal);
      if (j.relation === 'supports' && (statementJudgement.relation !== 'supports' || j.score > statementJudgement.score)) statementJudgement = j;
    }
    const wording = corpus.passageFlagsOf(p) & PASSAGE_HAS_QUOTE || !alone ? compareWording(prepared, passage.tokens, cmp.words(p)) : NO_WORDING;
    let sameSpeaker: boolean | null = null;
    let around = 0;
    // Who said it and what surrounds it matter only for a quote worded in part alike.
    if (wording.match === 'fragment' || (wording.match === 'partial' && wording.similarity >= DIFFERS_SIMILARITY)) {
      around = Math.max(contextCover(cmp, context, p), contextCover(cmp, surroundings.profile, p));
      if (speaker && around >= CONTEXT_THRESHOLD) sameSpeaker = speakerMatches(cmp, speaker, p);
    }
    const judgement = judgeQuote(statementJudgement, wording, quoteContent, sameSpeaker, around);
    if (judgement.relation) {
      const differsOrQuoted = wording.match !== 'none' && judgement.relation !== 'conflicts';
      out.push({ passage: p, document: corpus.passageDocumentOf(p), judgement, wording: differsOrQuoted ? wording : undefined });
    }
  };
  // The sentence's candidates; for a partial quote also those of the sentences around it, which name the event
  // its few words belong to.
  const hits = [...sq.hits, ...(surroundings !== sq ? surroundings.hits : [])];
  for (let h = 0; h < hits.length; h++) {
    const p = hits[h];
    consider(p);
    if (h >= NEIGHBOURING_HITS) continue;
    // The same speaker's words are often a sentence or two away from the sentence that names the event.
    const d = corpus.passageDocumentOf(p);
    const { first, count } = corpus.passageRange(d);
    for (let n = Math.max(first, p - 2); n <= Math.min(first + count - 1, p + 2); n++) if (n !== p && corpus.passageFlagsOf(n) & PASSAGE_HAS_QUOTE) consider(n);
  }
  return out;
}

function concat(parts: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The share of the article sentence's content (idf-weighted) found in the passage or the two before it.
function contextCover(cmp: Comparison, context: Profile, p: number): number {
  const d = cmp.corpus.passageDocumentOf(p);
  const { first } = cmp.corpus.passageRange(d);
  const window = new Map<number, number>();
  for (let n = Math.max(first, p - 2); n <= p; n++) for (const [t, v] of cmp.profile(n).content) window.set(t, v);
  return pairFeatures(context, { ...cmp.profile(p), content: window }, cmp.lexicon)[FEATURE.coverQuery];
}

// Does the passage's quote belong to the article's speaker? By the passage's own attribution, else by the
// speaker's surname in the passage or the two before it (a "she said" two sentences after the name).
function speakerMatches(cmp: Comparison, speaker: string, p: number): boolean | null {
  const { corpus } = cmp;
  const surname = surnameOf(speaker);
  const theirs = cmp.speakerOf(p);
  if (theirs) {
    if (surnameOf(theirs) === surname || theirs.toLowerCase().split(/\s+/).includes(surname)) return true;
    if (/\s/.test(theirs)) return false; // another named person
  }
  const target = corpus.vocabulary.find(surname);
  if (target < 0) return null;
  const d = corpus.passageDocumentOf(p);
  const { first } = corpus.passageRange(d);
  for (let n = Math.max(first, p - 2); n <= p; n++) for (const w of corpus.passageTokens(n)) if ((w & TERM_MASK) === target) return true;
  return null;
}

function surnameOf(name: string): string {
  const parts = name.replace(/[’']s$/, '').split(/\s+/).filter(Boolean);
  return (parts.at(-1) ?? '').toLowerCase();
}

// The article's speaker, when it looks like a name (a misresolved "Monday" is no speaker).
function speakerOf(a: Attribution | undefined): string | null {
  const s = a?.speaker ?? null;
  if (!s || !/^\p{Lu}/u.test(s) || DATE_NAME.test(s)) return null;
  return s;
}

const DATE_NAME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

// When the quote's own attribution names nobody, the person last credited in this or the two sentences before
// ("According to Sarah Sanders, … She also said … was “a pledge of good faith”").
function speakerNearby(analysis: ArticleAnalysis, si: number): string | null {
  if (si < 0) return null;
  const from = analysis.sentences[Math.max(0, si - 2)].start;
  const to = analysis.sentences[si].end;
  for (let i = analysis.attributions.length - 1; i >= 0; i--) {
    const a = analysis.attributions[i];
    if (a.cue.start >= from && a.cue.end <= to) {
      const s = speakerOf(a);
      if (s && /\s/.test(s)) return s;
    }
  }
  // Else someone the article credits elsewhere, named by surname in these sentences ("Sanders also assessed …").
  const nearby = analysis.text.slice(from, to);
  for (const a of analysis.attributions) {
    const s = speakerOf(a);
    const surname = s && /\s/.test(s) ? s.split(/\s+/).at(-1)! : '';
    if (surname.length > 2 && new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(nearby)) return s;
  }
  return null;
}

// The quote without its quotation marks.
function innerSpan(text: string, q: { start: number; end: number }): { start: number; end: number } {
  let s = q.start;
  let e = q.end;
  if (/["“”„«»‘’']/.test(text[s] ?? '')) s++;
  if (e > s && /["“”„«»‘’']/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

function quoteSpans(analysis: ArticleAnalysis): number[] {
  return analysis.quotes.flatMap((q) => [q.start, q.end]);
}

// The article's sketch, for spotting corpus documents that are copies of it.
function articleSketch(sentences: Uint32Array[], count: number): Uint32Array | null {
  if (count < MIN_PASSAGES_FOR_COPY) return null;
  const content: number[] = [];
  for (const s of sentences) for (const w of s) if (isContent(w)) content.push(w & TERM_MASK);
  return sketchOf(content);
}

// Offsets of tokens [from, to) of a passage, found by scanning its text again.
function tokenOffsets(text: string, span: { start: number; end: number }, from: number, to: number): { start: number; end: number } | null {
  let i = 0;
  let start = -1;
  let end = -1;
  scanTokens(text, span.start, span.end, (_w, s, e) => {
    if (i === from) start = s;
    if (i === to - 1) end = e;
    i++;
  });
  return start >= 0 && end >= 0 ? { start, end } : null;
}

// Within one document, the passage that carries the quote's words (or another wording of them), and a
// disagreement, tell the user more than a passage that merely agrees: they are preferred, then the score.
const weight = (c: Candidate): number => (c.wording ? 2 : 0) + (c.judgement.relation === 'supports' ? 0 : 1) + c.judgement.score;

/** The best candidate of each document, copies grouped, best first, as Evidence. */
function toEvidence(cmp: Comparison, candidates: Candidate[]): Evidence[] {
  const { corpus } = cmp;
  const best = new Map<number, Candidate>();
  for (const c of candidates) {
    const prev = best.get(c.document);
    if (!prev || weight(prev) < weight(c)) best.set(c.document, c);
  }
  const ordered = [...best.values()].sort((a, b) => b.judgement.score - a.judgement.score || a.passage - b.passage);
  const leaders: { candidate: Candidate; duplicates: string[] }[] = [];
  for (const c of ordered) {
    const long = corpus.passageRange(c.document).count >= MIN_PASSAGES_FOR_COPY;
    const leader = long
      ? leaders.find(
          (l) => corpus.passageRange(l.candidate.document).count >= MIN_PASSAGES_FOR_COPY && sketchSimilarity(corpus.sketch(l.candidate.document), corpus.sketch(c.document)) >= DUPLICATE_SIMILARITY,
        )
      : undefined;
    if (leader) leader.duplicates.push(corpus.documentId(c.document));
    else leaders.push({ candidate: c, duplicates: [] });
  }
  return leaders.slice(0, MAX_SOURCES).map(({ candidate, duplicates }) => evidenceOf(cmp, candidate, duplicates));
}

function evidenceOf(cmp: Comparison, c: Candidate, duplicates: string[]): Evidence {
  const { corpus } = cmp;
  const passage = corpus.passage(c.passage);
  const e: Evidence = { ...passage, score: c.judgement.score, relation: c.judgement.relation ?? 'supports' };
  if (c.judgement.reason) e.reason = c.judgement.reason;
  if (duplicates.length > 0) e.duplicates = duplicates;
  if (c.wording) {
    const text = corpus.text(c.document);
    const span = tokenOffsets(text, corpus.passageSpan(c.passage), c.wording.from, c.wording.to);
    if (span) e.wording = { ...span, text: text.slice(span.start, span.end) };
  }
  return e;
}
