// Plain data produced by the core. Offsets are UTF-16 code units into the analysed text
// (the text as the editor holds it, a leading BOM removed), half-open [start, end).

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

/** direct: a full quoted utterance; partial: quoted words inside a sentence; scare: a term in quotes, not speech. */
export type QuoteKind = 'direct' | 'partial' | 'scare';

export interface Quote extends TextSpan {
  kind: QuoteKind;
  /** Index into ArticleAnalysis.attributions, or null when nobody is credited. */
  attribution: number | null;
}

/** How strongly a statement is sourced: a named person, a named organisation, an anonymous source, or nobody. */
export type AttributionStrength = 'person' | 'organization' | 'anonymous' | 'none';

export interface Attribution {
  source: TextSpan | null;
  /** The resolved name ("Sarah Sanders" for "she" or "the spokeswoman"), or null when it cannot be resolved. */
  speaker: string | null;
  /**
   * The words of the source that name the speaker: "Sarah Sanders" in "White House spokeswoman Sarah Sanders",
   * "White House" in "the White House"; null when the source names nobody ("she", "the spokeswoman", "a source").
   */
  name: TextSpan | null;
  cue: TextSpan;
  content: TextSpan | null;
  strength: AttributionStrength;
  /** Index into ArticleAnalysis.sentences of the sentence holding the cue. */
  sentence: number;
  /** speech: said, wrote, according to; thought: believes, expects, wants, seems (not words anyone said). */
  kind: AttributionKind;
  /**
   * Index of the attribution whose reported words hold this one's cue ("Sanders said the letter showed …"),
   * or null for an attribution the article itself makes.
   */
  within: number | null;
}

export type AttributionKind = 'speech' | 'thought';

/** A sentence that states something checkable. Its status is decided against the corpus. */
export interface Claim extends TextSpan {
  sentence: number;
  /** Index into ArticleAnalysis.attributions when the sentence is credited to someone. */
  attribution: number | null;
}

export interface ArticleAnalysis {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: Quote[];
  attributions: Attribution[];
  claims: Claim[];
}

export type Relation = 'supports' | 'differs' | 'conflicts' | 'related';

/** A passage of a corpus document (a sentence or a quote) as plain data, with its position for the editor. */
export interface Passage {
  documentId: string;
  start: number;
  end: number;
  /** 0-based line and UTF-16 character of `start` and `end` in that document. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  text: string;
}

/**
 * A passage of another corpus document that bears on a quote or claim: the best passage of that document.
 * supports: it states the same thing (or carries the same quoted words); differs: the same speaker is quoted
 * there with other words; conflicts: the same event with another number, name or a negation; related: it tells of
 * the same event (same people, numbers, words) but the model is not sure it says the same thing — context to read,
 * never corroboration.
 */
export interface Evidence extends Passage {
  /** Calibrated 0..1: how sure we are of the relation (for `related`: that it supports, below the support threshold). */
  score: number;
  relation: Relation;
  /** The other document's words for a quote (for `differs`, the other wording), with offsets in that document. */
  wording?: TextSpan;
  /** What disagrees, for `conflicts` (e.g. "number: 12 / 21"). */
  reason?: string;
  /** Other documents that are copies of this one (wire copies): shown once, counted once. */
  duplicates?: string[];
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'unverified' | 'disputed';

export interface QuoteFinding {
  quote: Quote;
  evidence: Evidence[];
}

export interface ClaimFinding {
  claim: Claim;
  status: ClaimStatus;
  /** Every passage that bears on it, one per other document, best first, whatever the status. */
  evidence: Evidence[];
}

/** An article's analysis together with what the corpus says about it. */
export interface ArticleReport {
  documentId: string;
  version: number;
  analysis: ArticleAnalysis;
  quotes: QuoteFinding[];
  claims: ClaimFinding[];
  /** Evidence carried over from an earlier version while this one's is being found (see provisional.ts). */
  provisional?: boolean;
}
