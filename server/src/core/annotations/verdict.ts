// Joins the researcher's annotations to the tool's findings: which annotation speaks for a quote
// or claim, and what the finding counts as once the researcher has decided.
import type { ClaimStatus, Span } from '../types';
import type { AnchoredAnnotation } from './anchor';
import type { Annotation } from './model';

/** True when the researcher has settled a finding: verified it, or set it aside. */
export function isSettledBy(annotation: Annotation | undefined): boolean {
  return annotation?.status === 'verified' || annotation?.status === 'ignored';
}

/** The researcher's latest annotation covering most of `span` (or most of which `span` covers). */
export function annotationOn(anchored: readonly AnchoredAnnotation[], span: Span): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of anchored) {
    if (a.kind === 'orphaned') continue;
    const overlap = Math.min(a.end, span.end) - Math.max(a.start, span.start);
    const shorter = Math.max(1, Math.min(a.end - a.start, span.end - span.start));
    if (overlap <= 0 || overlap / shorter < 0.5) continue;
    if (!best || a.annotation.modified > best.modified) best = a.annotation;
  }
  return best;
}

/** A claim's status after the researcher's say: verified and ignored settle it, disputed and needs-source override. */
export function settledStatus(computed: ClaimStatus, annotation: Annotation | undefined): ClaimStatus | 'verified' | 'ignored' {
  switch (annotation?.status) {
    case 'verified':
    case 'ignored':
      return annotation.status;
    case 'disputed':
      return 'disputed';
    case 'needs-source':
      return 'unverified';
    default:
      return computed;
  }
}
