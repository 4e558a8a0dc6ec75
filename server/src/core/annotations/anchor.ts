// Finds an annotated span again in a text that may have been edited since: at its old position,
// elsewhere (the exact text, its surroundings deciding between duplicates), or approximately
// (the span itself slightly edited). A span that cannot be found is reported, never guessed.
import type { Annotation, TextQuote } from './model';

/** exact: where it was; moved: same text elsewhere; fuzzy: slightly edited text; orphaned: not found. */
export type AnchorKind = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface Anchor {
  kind: AnchorKind;
  /** The span in the current text; -1 when orphaned. */
  start: number;
  end: number;
}

export interface AnchoredAnnotation extends Anchor {
  annotation: Annotation;
}

/** A unique exact match at least this long is trusted without its surroundings (a moved sentence). */
const TRUSTED_LENGTH = 20;
/** Approximate matching only for spans this long: shorter ones match too much by chance. */
const FUZZY_MIN_LENGTH = 10;
/** At most this share of the span's characters may differ in an approximate match. */
const FUZZY_MAX_ERROR_RATE = 0.2;
/** Bounds the approximate search (pattern × text cells) so one long span cannot stall the editor. */
const FUZZY_CELL_BUDGET = 30_000_000;

/** Anchors every annotation in `text`. */
export function anchorAll(text: string, annotations: readonly Annotation[]): AnchoredAnnotation[] {
  return annotations.map((annotation) => ({ annotation, ...anchor(text, annotation.quote, annotation.start, annotation.end) }));
}

/** Finds the span described by `quote` (last seen at [start, end)) in `text`. */
export function anchor(text: string, quote: TextQuote, start: number, end: number): Anchor {
  const { exact } = quote;
  if (exact.length === 0) return orphaned;
  if (start >= 0 && end - start === exact.length && text.startsWith(exact, start)) return { kind: 'exact', start, end };

  const occurrences: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) occurrences.push(i);
  if (occurrences.length > 0) {
    const scored = occurrences.map((at) => ({ at, ...contextAgreement(text, quote, at, at + exact.length) }));
    const best = pickBest(scored, start);
    const trusted = occurrences.length === 1 && exact.length >= TRUSTED_LENGTH;
    // A short or repeated text is only taken where its surroundings still agree on both sides:
    // otherwise a "verified" mark could jump to another sentence that merely shares the words.
    if (trusted || best.agrees) return { kind: 'moved', start: best.at, end: best.at + exact.length };
    return orphaned;
  }

  if (exact.length < FUZZY_MIN_LENGTH) return orphaned;
  const match = approximateMatch(text, quote, start);
  return match ? { kind: 'fuzzy', start: match.start, end: match.end } : orphaned;
}

const orphaned: Anchor = Object.freeze({ kind: 'orphaned', start: -1, end: -1 }) as Anchor;

/** How much (0..1) of the remembered prefix and suffix still surround [start, end), and whether that is enough. */
function contextAgreement(text: string, quote: TextQuote, start: number, end: number): { context: number; agrees: boolean } {
  const side = (expected: string, actual: string, fromEnd: boolean): number => {
    if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
    let n = 0;
    const max = Math.min(expected.length, actual.length);
    while (n < max && (fromEnd ? expected[expected.length - 1 - n] === actual[actual.length - 1 - n] : expected[n] === actual[n])) n++;
    return n / expected.length;
  };
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const prefix = side(quote.prefix, before, true);
  const suffix = side(quote.suffix, after, false);
  const context = (prefix + suffix) / 2;
  return { context, agrees: Math.min(prefix, suffix) >= 0.5 || context >= 0.75 };
}

/** The candidate whose surroundings agree most; ties go to the one nearest the old position. */
function pickBest<T extends { at: number; context: number }>(candidates: T[], oldStart: number): T {
  const distance = (c: T) => (oldStart >= 0 ? Math.abs(c.at - oldStart) : c.at);
  return candidates.reduce((best, c) => (c.context > best.context || (c.context === best.context && distance(c) < distance(best)) ? c : best));
}

/**
 * Approximate substring search (Sellers' edit-distance dynamic programme, free start in the
 * text) for the span with the fewest edits; searched near the old position first when the whole
 * text is too large for the budget.
 */
function approximateMatch(text: string, quote: TextQuote, oldStart: number): { start: number; end: number } | null {
  const pattern = quote.exact;
  const m = pattern.length;
  const maxErrors = Math.floor(m * FUZZY_MAX_ERROR_RATE);
  let from = 0;
  let to = text.length;
  if (m * text.length > FUZZY_CELL_BUDGET) {
    const half = Math.floor(FUZZY_CELL_BUDGET / m / 2);
    const centre = oldStart >= 0 ? oldStart : 0;
    from = Math.max(0, centre - half);
    to = Math.min(text.length, centre + half);
  }
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = from;
  }
  const candidates: { at: number; end: number; errors: number; context: number; agrees: boolean }[] = [];
  let bestErrors = maxErrors + 1;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    cur[0] = 0;
    curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let cost = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let s = prevStart[i - 1];
      if (cur[i - 1] + 1 < cost) {
        cost = cur[i - 1] + 1;
        s = curStart[i - 1];
      }
      if (prev[i] + 1 < cost) {
        cost = prev[i] + 1;
        s = prevStart[i];
      }
      cur[i] = cost;
      curStart[i] = s;
    }
    const errors = cur[m];
    if (errors <= maxErrors && errors <= bestErrors) {
      if (errors < bestErrors) candidates.length = 0;
      bestErrors = errors;
      const last = candidates[candidates.length - 1];
      // Neighbouring end positions of one match share a start: keep the first, shortest one.
      if (!last || last.at !== curStart[m]) candidates.push({ at: curStart[m], end: j + 1, errors, context: 0, agrees: false });
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  if (candidates.length === 0) return null;
  for (const c of candidates) Object.assign(c, contextAgreement(text, quote, c.at, c.end));
  const best = pickBest(candidates, oldStart);
  return { start: best.at, end: best.end };
}
