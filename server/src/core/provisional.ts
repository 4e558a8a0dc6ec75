// The report an editor can show at once after an edit, before the corpus has been consulted for the new text:
// the new version's analysis (its quotes, attributions and claims where they now are) with each finding's
// evidence carried over from the last full report of the same article. Analysing is quick; corroborating is
// not, so the server shows this first and the full report when it is done, and findings the edit did not touch
// keep their evidence instead of flickering off and on.
import { statusOf } from './claims/status';
import type { ArticleAnalysis, ArticleReport, ClaimFinding, QuoteFinding } from './types';

/** The new analysis with evidence carried over from `previous` (the last full report of the article), marked provisional. */
export function provisionalReport(analysis: ArticleAnalysis, documentId: string, version: number, previous: ArticleReport | undefined): ArticleReport {
  const quotes: QuoteFinding[] = carry(
    analysis.quotes,
    previous?.quotes ?? [],
    (q) => `${q.kind}\u0000${q.text}`,
    (f) => `${f.quote.kind}\u0000${f.quote.text}`,
    (quote, old) => ({ quote, evidence: old?.evidence ?? [] }),
  );
  const claims: ClaimFinding[] = carry(
    analysis.claims,
    previous?.claims ?? [],
    (c) => analysis.text.slice(c.start, c.end),
    (f) => (previous ? previous.analysis.text.slice(f.claim.start, f.claim.end) : ''),
    (claim, old) => ({ claim, evidence: old?.evidence ?? [], status: statusOf(old?.evidence ?? [], claim.attribution !== null) }),
  );
  return { documentId, version, analysis, quotes, claims, provisional: true };
}

// Pairs new items with old findings: first by identical text, in order; then what is left on both sides in
// order when as many are left (an edit inside a quote or claim changes its text but not how many there are).
function carry<N, O, R>(items: N[], old: O[], keyOfNew: (n: N) => string, keyOfOld: (o: O) => string, make: (n: N, o: O | undefined) => R): R[] {
  const byKey = new Map<string, number[]>();
  old.forEach((o, i) => {
    const key = keyOfOld(o);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const used = new Uint8Array(old.length);
  const match = items.map((n) => {
    const i = byKey.get(keyOfNew(n))?.shift();
    if (i === undefined) return -1;
    used[i] = 1;
    return i;
  });
  const leftNew = match.flatMap((m, k) => (m < 0 ? [k] : []));
  const leftOld = old.flatMap((_, i) => (used[i] ? [] : [i]));
  if (leftNew.length === leftOld.length) leftNew.forEach((k, j) => (match[k] = leftOld[j]));
  return items.map((n, k) => make(n, match[k] >= 0 ? old[match[k]] : undefined));
}
