// Decides how a passage bears on a statement: supports, conflicts, or neither; and, for quotes, whether the
// passage carries the same words or the same speaker's different words.

import { factCoverage, FEATURE, FEATURE_COUNT, NEGATION_KEY, pairFeatures, type Profile } from './features';
import type { Lexicon } from './lexicon';
import { factProbability, relatedProbability, SUPPORT_THRESHOLD, supportProbability } from './model';
import { trigramDice, type Wording } from './wording';

/** A decided relation with its calibrated score. */
export interface Judgement {
  relation: 'supports' | 'differs' | 'conflicts' | null;
  score: number;
  reason?: string;
}

/** A conflict needs this confidence that both tell of the same event (judged with the mismatch overlooked). */
export const CONFLICT_THRESHOLD = 0.8;
/** Names and negations are noisier than numbers: they need nearly all other words shared. */
const STRICT_COVER = 0.7;

const features = new Float64Array(FEATURE_COUNT);
const lenientFeatures = new Float64Array(FEATURE_COUNT);

/** Supports, conflicts or nothing, for a statement (claim or quote sentence) and a passage of a corpus of `passages`. */
export function judgeStatement(q: Profile, p: Profile, lexicon: Lexicon, wordOf: (term: number) => string, passages: number): Judgement {
  pairFeatures(q, p, lexicon, features);
  const support = supportProbability(features);
  const mismatch = findMismatch(q, p, wordOf);
  if (mismatch) {
    pairFeatures(q, p, lexicon, lenientFeatures, mismatch.keys);
    const event = relatedProbability(lenientFeatures) * Math.min(1, supportProbability(lenientFeatures) / SUPPORT_THRESHOLD);
    const strict = mismatch.kind !== 'number';
    const close = lenientFeatures[FEATURE.coverQuery] >= STRICT_COVER && lenientFeatures[FEATURE.coverPassage] >= STRICT_COVER;
    if (event >= CONFLICT_THRESHOLD && (!strict || close)) return { relation: 'conflicts', score: event, reason: mismatch.reason };
  }
  const best = Math.max(support, factProbability({ words: q.tokens.length, passages, ...factCoverage(q, p) }));
  if (best >= SUPPORT_THRESHOLD) return { relation: 'supports', score: best };
  return { relation: null, score: best };
}

/**
 * Combines the statement's judgement with how the quote's words compare (see wording.ts). `sameSpeaker` is
 * true, false, or null when it cannot be told; `context` is how much of the article's sentence the other
 * document has around its wording (the same event).
 */
export function judgeQuote(statement: Judgement, wording: Wording, quoteContentWords: number, sameSpeaker: boolean | null, context: number): Judgement {
  const supported = statement.relation === 'supports' ? statement.score : 0;
  if (wording.match === 'exact' && quoteContentWords > 0) {
    // Word for word: the longer the quote, the less likely by chance.
    const chance = Math.pow(0.5, Math.min(quoteContentWords, 8));
    return { relation: 'supports', score: clamp(1 - (1 - Math.max(supported, 0.5)) * chance) };
  }
  if (wording.match === 'fragment' && sameSpeaker !== false && (sameSpeaker || context >= CONTEXT_THRESHOLD)) {
    return { relation: 'supports', score: clamp(Math.max(supported, 0.5 + 0.4 * wording.similarity)) };
  }
  // Another wording of the same quote: the speaker confirmed, or wordings so close that they can only be one quote.
  const close = sameSpeaker === true ? DIFFERS_SIMILARITY : sameSpeaker === null ? NEAR_SIMILARITY : Infinity;
  if (wording.match === 'partial' && wording.similarity >= close && context >= CONTEXT_THRESHOLD) {
    return { relation: 'differs', score: clamp(0.5 * wording.similarity + 0.5 * Math.min(1, context / 0.6)) };
  }
  return statement.relation ? statement : { relation: null, score: statement.score };
}

/** Two wordings at least this close (character trigrams) are one quote rendered differently. */
export const DIFFERS_SIMILARITY = 0.4;
/** Wordings this close are one quote even when the speaker cannot be confirmed. */
export const NEAR_SIMILARITY = 0.6;
/** Share of the article sentence's words (idf-weighted) found around the passage: the same event. */
export const CONTEXT_THRESHOLD = 0.25;

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

interface Mismatch {
  kind: 'number' | 'name' | 'negation';
  reason: string;
  keys: Set<number>;
}

/** A substitution between the two sides: a number, a name, or a negation that one has and the other lacks. */
export function findMismatch(q: Profile, p: Profile, wordOf: (term: number) => string): Mismatch | null {
  const qOnly = [...q.numbers].filter((n) => !p.numbers.has(n));
  const pOnly = [...p.numbers].filter((n) => !q.numbers.has(n));
  for (const a of qOnly) {
    const b = pOnly.find((x) => numberKind(wordOf(x)) === numberKind(wordOf(a)));
    if (b !== undefined) return { kind: 'number', reason: `number: ${wordOf(a)} / ${wordOf(b)}`, keys: new Set([...qOnly, ...pOnly]) };
  }
  // A name only conflicts with a name unlike it ("Korea" and "Koreans" are one name).
  const unlike = (n: number, others: Set<number>): boolean => ![...others].some((o) => trigramDice(wordOf(n), wordOf(o)) >= 0.5);
  const qNames = [...q.names].filter((n) => !p.names.has(n) && !p.content.has(n) && unlike(n, p.names));
  const pNames = [...p.names].filter((n) => !q.names.has(n) && !q.content.has(n) && unlike(n, q.names));
  if (qNames.length > 0 && pNames.length > 0 && qNames.length + pNames.length <= 4) {
    return { kind: 'name', reason: `name: ${qNames.map(wordOf).join(' ')} / ${pNames.map(wordOf).join(' ')}`, keys: new Set([...qNames, ...pNames]) };
  }
  if (q.negated !== p.negated) return { kind: 'negation', reason: `negation: ${q.negated ? 'only the article' : 'only the other document'} says "not"`, keys: new Set([NEGATION_KEY]) };
  return null;
}

// Numbers are only compared with numbers of the same kind: a year with a year, a day with a day.
function numberKind(n: string): string {
  if (/^(1[89]|20)\d\d$/.test(n)) return 'year';
  if (/^\d+(st|nd|rd|th)$/.test(n)) return 'ordinal';
  if (/[a-z]/.test(n)) return 'unit';
  if (n.includes('.')) return 'decimal';
  return Number(n) <= 31 ? 'small' : 'count';
}
