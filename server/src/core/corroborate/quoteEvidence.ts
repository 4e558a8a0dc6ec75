// Evidence for a quote: passages carrying its words (supports), or the same speaker's other wording of it
// (differs), found among the candidates of its sentence and of the sentences around it.

import { FLAG_SHIFT, PASSAGE_HAS_QUOTE, TERM_MASK } from '../corpus/corpus';
import { TOKEN_STOPWORD } from '../corpus/terms';
import type { ArticleAnalysis, Attribution, TextSpan } from '../types';
import { stemsOf, type Candidate, type Comparison, type SentenceQuery } from './comparison';
import { hasContent, type Profile } from './features';
import { CONTEXT_THRESHOLD, DIFFERS_SIMILARITY, judgeQuote, judgeStatement, type Judgement } from './relation';
import { queryTokens } from './query';
import { compareWording, quoteWords, type Wording } from './wording';

/** Cache keys of the surroundings of article sentences (see Comparison.sentence). */
export const SURROUNDINGS = 1 << 30;
/** For the best hits of a quote, quoted passages up to two sentences away are compared too. */
const NEIGHBOURING_HITS = 6;
const NO_WORDING: Wording = { match: 'none', similarity: 0, from: 0, to: 0 };

const isContent = (w: number): boolean => ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0;

/** Judged candidate passages for one quote of the article (`sq`: its sentence; `surroundings`: it and the two before). */
export function quoteCandidates(cmp: Comparison, text: string, quote: TextSpan, sq: SentenceQuery, surroundings: SentenceQuery, speaker: QuoteSpeaker | null): Candidate[] {
  const { corpus, lexicon } = cmp;
  const inner = innerSpan(text, quote);
  const quoteTokens = queryTokens(corpus, text, inner.start, inner.end, [inner.start, inner.end]);
  if (quoteTokens.length === 0) return [];
  // The statement is the sentence around the quote, or the quote alone when it is long enough to stand alone.
  const context = sq.profile;
  const alone = quoteTokens.length >= 8 ? cmp.queryProfile(quoteTokens) : null;
  const prepared = quoteWords(quoteTokens, stemsOf(quoteTokens, cmp.wordOf));
  let quoteContent = 0;
  for (const w of quoteTokens) if (isContent(w)) quoteContent++;
  const seen = new Set<number>();
  const out: Candidate[] = [];
  // The quote against passages with the same words (see Comparison.same): compared once. A passage next to two
  // hits is looked at twice for a wording, so the wording is kept even when the judgement is not made.
  const byContent = new Map<number, { judgement: Judgement; wording: Wording }>();
  const wordings = new Map<number, Wording>();
  const compare = (p: number, wordingOnly: boolean): { judgement: Judgement; wording: Wording } | null => {
    const key = cmp.same(p);
    let c = byContent.get(key);
    if (c) return c;
    let wording = wordings.get(key);
    if (!wording) {
      // (The passage's tokens, not its profile: most neighbours of hits are compared for a wording only.)
      wording = corpus.passageFlagsOf(key) & PASSAGE_HAS_QUOTE || !alone ? compareWording(prepared, corpus.passageTokens(key), cmp.words(key)) : NO_WORDING;
      wordings.set(key, wording);
    }
    if (wordingOnly && wording.match === 'none') return null;
    let judgement = cmp.judge(sq, key);
    if (alone) {
      const j = judgeStatement(alone, cmp.profile(key), lexicon, cmp.wordOf, corpus.passageTotal);
      if (j.relation === 'supports' && (judgement.relation !== 'supports' || j.score > judgement.score)) judgement = j;
    }
    byContent.set(key, (c = { judgement, wording }));
    return c;
  };
  // A neighbour of a hit (not itself found by the search) is of interest only for a wording of the quote.
  const consider = (p: number, neighbour = false): void => {
    if (seen.has(p)) return;
    const compared = compare(p, neighbour);
    if (!compared) return;
    seen.add(p);
    const { judgement: statementJudgement, wording } = compared;
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
    for (let n = Math.max(first, p - 2); n <= Math.min(first + count - 1, p + 2); n++) if (n !== p && corpus.passageFlagsOf(n) & PASSAGE_HAS_QUOTE) consider(n, true);
  }
  return out;
}

/** The token arrays joined in order. */
export function concat(parts: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The share of the article sentence's content (idf-weighted) found in the passage or the two before it (the
// coverQuery feature of the pair, computed alone: the other features are not needed here).
function contextCover(cmp: Comparison, context: Profile, p: number): number {
  if (context.contentIdf === 0) return 0;
  const d = cmp.corpus.passageDocumentOf(p);
  const { first } = cmp.corpus.passageRange(d);
  const window: Profile[] = [];
  for (let n = Math.max(first, p - 2); n <= p; n++) window.push(cmp.profile(n));
  let shared = 0;
  const { keys, values, content, weights } = context;
  for (let i = 0; i < context.contentCount; i++) {
    for (const w of window) {
      if (hasContent(w, keys[content + i])) {
        shared += values[weights + i];
        break;
      }
    }
  }
  return shared / context.contentIdf;
}

/**
 * Who said an article's quote: credited by an attribution (`credited`), or only guessed from a name the
 * sentences around it mention, which is weaker evidence of who speaks.
 */
export interface QuoteSpeaker {
  name: string;
  credited: boolean;
}

// Does the passage's quote belong to the article's speaker? By the passage's own attribution, else by the
// speaker's surname in the passage or the two before it (a "she said" two sentences after the name). A guessed
// speaker is confirmed by the passage's attribution only: a guess and a mention of a name as common as "Trump"
// in a story about him would make anybody's words his.
function speakerMatches(cmp: Comparison, speaker: QuoteSpeaker, p: number): boolean | null {
  const { corpus } = cmp;
  const surname = surnameOf(speaker.name);
  const theirs = cmp.speakerOf(p);
  if (theirs) {
    if (surnameOf(theirs) === surname || theirs.toLowerCase().split(/\s+/).includes(surname)) return true;
    if (/\s/.test(theirs)) return false; // another named person
  }
  if (!speaker.credited) return null;
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

/** The article's speaker, when it looks like a name (a misresolved "Monday" is no speaker). */
export function speakerOf(a: Attribution | undefined): string | null {
  const s = a?.speaker ?? null;
  if (!s || !/^\p{Lu}/u.test(s) || DATE_NAME.test(s)) return null;
  return s;
}

const DATE_NAME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * When the quote's own attribution names nobody, the person last credited in this or the two sentences before
 * ("According to Sarah Sanders, … She also said … was “a pledge of good faith”").
 */
export function speakerNearby(analysis: ArticleAnalysis, si: number): QuoteSpeaker | null {
  if (si < 0) return null;
  const from = analysis.sentences[Math.max(0, si - 2)].start;
  const to = analysis.sentences[si].end;
  const { byCue, surnames } = namedSpeakers(analysis);
  // The latest attribution (in the article's order) with its cue in these sentences.
  let latest = -1;
  for (let k = firstCueAtOrAfter(analysis, byCue, from); k < byCue.length; k++) {
    const i = byCue[k];
    const a = analysis.attributions[i];
    if (a.cue.start > to) break;
    if (a.cue.end <= to && i > latest && /\s/.test(speakerOf(a) ?? '')) latest = i;
  }
  if (latest >= 0) return { name: speakerOf(analysis.attributions[latest])!, credited: true };
  // Else someone the article credits elsewhere, named by surname in these sentences ("Sanders also assessed …").
  const nearby = analysis.text.slice(from, to);
  for (const { pattern, speaker } of surnames) if (pattern.test(nearby)) return { name: speaker, credited: false };
  return null;
}

/**
 * Per analysis, computed once (per quote it grew with quotes times attributions): attribution indices by cue offset,
 * and the surnames of full-name speakers in order of first credit, each with the speaker first credited by it.
 */
function namedSpeakers(analysis: ArticleAnalysis): { byCue: number[]; surnames: { pattern: RegExp; speaker: string }[] } {
  let hit = speakerIndex.get(analysis);
  if (hit) return hit;
  const byCue = analysis.attributions.map((_, i) => i).sort((x, y) => analysis.attributions[x].cue.start - analysis.attributions[y].cue.start);
  const surnames: { pattern: RegExp; speaker: string }[] = [];
  const seen = new Set<string>();
  for (const a of analysis.attributions) {
    const s = speakerOf(a);
    const surname = s && /\s/.test(s) ? s.split(/\s+/).at(-1)! : '';
    if (surname.length <= 2 || seen.has(surname)) continue;
    seen.add(surname);
    surnames.push({ pattern: new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), speaker: s! });
  }
  speakerIndex.set(analysis, (hit = { byCue, surnames }));
  return hit;
}

const speakerIndex = new WeakMap<ArticleAnalysis, ReturnType<typeof namedSpeakers>>();

function firstCueAtOrAfter(analysis: ArticleAnalysis, byCue: readonly number[], offset: number): number {
  let lo = 0;
  let hi = byCue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (analysis.attributions[byCue[mid]].cue.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The quote without its quotation marks.
function innerSpan(text: string, q: { start: number; end: number }): { start: number; end: number } {
  let s = q.start;
  let e = q.end;
  if (/["“”„«»‘’']/.test(text[s] ?? '')) s++;
  if (e > s && /["“”„«»‘’']/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}
