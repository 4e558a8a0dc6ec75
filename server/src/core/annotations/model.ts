// The researcher's own judgement on a span of an article: what they decided, why, and where
// the span was, described so that it can be found again after the text changes.

/** What the researcher decided about a quote or claim; ignored: not worth checking (hidden in this file). */
export const ANNOTATION_STATUSES = ['verified', 'disputed', 'needs-source', 'ignored'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

export function isAnnotationStatus(s: unknown): s is AnnotationStatus {
  return typeof s === 'string' && (ANNOTATION_STATUSES as readonly string[]).includes(s);
}

/** How a status reads to a person ("needs source"). */
export function statusLabel(status: AnnotationStatus | null): string {
  return status === null ? 'note' : status.replace('-', ' ');
}

/** The annotated text and a little of what surrounds it (W3C TextQuoteSelector). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation {
  /** A URI, stable across tools (urn:uuid:… for the ones we create). */
  id: string;
  /** null for a plain note (e.g. one made by another tool) that decides nothing. */
  status: AnnotationStatus | null;
  note: string;
  /** A URL or a corpus passage (`seeds/003.txt#L11`) the researcher checked the span against. */
  source: string | null;
  quote: TextQuote;
  /** UTF-16 offsets where the span was when it was last anchored (W3C TextPositionSelector); -1 when unknown. */
  start: number;
  end: number;
  created: string;
  modified: string;
  /** The JSON-LD object this annotation was read from, so properties of other tools survive a rewrite. */
  raw?: Record<string, unknown>;
}

/** How much context the TextQuoteSelector keeps on each side (as Hypothes.is does). */
export const CONTEXT_LENGTH = 32;

/** Describes the span [start, end) of `text` as selectors. */
export function describeSpan(text: string, start: number, end: number): { quote: TextQuote; start: number; end: number } {
  let prefix = text.slice(Math.max(0, start - CONTEXT_LENGTH), start);
  let suffix = text.slice(end, end + CONTEXT_LENGTH);
  // Never keep half of a surrogate pair: the store must stay valid UTF-8 for other tools.
  if (/^[\uDC00-\uDFFF]/.test(prefix)) prefix = prefix.slice(1);
  if (/[\uD800-\uDBFF]$/.test(suffix)) suffix = suffix.slice(0, -1);
  return { quote: { exact: text.slice(start, end), prefix, suffix }, start, end };
}
