// What the CLI reports about an article, one finding per quote or claim that needs attention, with
// the same rule ids as the editor's diagnostics (features/diagnostics.ts) and the researcher's
// annotations applied: a verified finding is kept but suppressed, a disputed one is raised.
import type { AnchoredAnnotation } from '../core/annotations/anchor';
import { statusLabel, type Annotation } from '../core/annotations/model';
import { annotationOn, isSettledBy, settledStatus } from '../core/annotations/verdict';
import type { ArticleReport, Evidence } from '../core/types';

export type RuleId = 'quote' | 'quoted-differently' | 'single-source-quote' | 'unverified-claim' | 'disputed-claim' | 'single-source' | 'attribution' | 'orphaned-annotation';

export interface Rule {
  id: RuleId;
  name: string;
  level: 'note' | 'warning';
  description: string;
}

export const RULES: readonly Rule[] = [
  { id: 'quote', name: 'Quote', level: 'note', description: 'A quotation and who said it, with the passages of other articles that carry it.' },
  { id: 'quoted-differently', name: 'QuotedDifferently', level: 'warning', description: 'A quotation that another article of the corpus gives in other words.' },
  { id: 'single-source-quote', name: 'SingleSourceQuote', level: 'note', description: 'A quotation credited to someone, but carried by no other article of the corpus.' },
  { id: 'unverified-claim', name: 'UnverifiedClaim', level: 'warning', description: 'A checkable claim that is neither attributed in the text nor corroborated by another article of the corpus.' },
  { id: 'disputed-claim', name: 'DisputedClaim', level: 'warning', description: 'A claim that another article of the corpus states differently.' },
  { id: 'single-source', name: 'SingleSourceClaim', level: 'note', description: 'A claim attributed to a source, but carried by no other article of the corpus.' },
  { id: 'attribution', name: 'Attribution', level: 'note', description: 'Who a statement is credited to, and how (source and cue). Shown in the editor only; the CLI reports none.' },
  { id: 'orphaned-annotation', name: 'OrphanedAnnotation', level: 'warning', description: 'A researcher annotation whose text can no longer be found in the article.' },
];

export interface Finding {
  rule: RuleId;
  level: 'note' | 'warning';
  start: number;
  end: number;
  text: string;
  message: string;
  evidence: Evidence[];
  /** The researcher's annotation on this span, if any. */
  annotation?: Annotation;
  /** Verified or ignored by the researcher: reported as suppressed, never counted as a problem. */
  suppressed: boolean;
  /** What --fail-on counts this finding as. */
  concern: 'unverified' | 'disputed' | null;
}

const sources = (evidence: Evidence[]) => new Set(evidence.map((e) => e.documentId)).size;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const said = (a: Annotation) => `${statusLabel(a.status)} by the researcher${a.note ? `: ${a.note}` : ''}`;

/** The findings of one article, in text order per kind, with the researcher's annotations applied. */
export function findingsOf(report: ArticleReport, anchored: readonly AnchoredAnnotation[] = []): Finding[] {
  const out: Finding[] = [];
  for (const { quote, evidence } of report.quotes) {
    if (quote.kind === 'scare') continue;
    const a = quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined;
    const who = a?.speaker ?? a?.source?.text;
    const n = sources(evidence.filter((e) => e.relation === 'supports'));
    const differing = sources(evidence.filter((e) => e.relation === 'differs' || e.relation === 'conflicts'));
    const annotation = annotationOn(anchored, quote);
    // The same classification as the editor's diagnostics (features/findings.ts).
    const rule: RuleId = differing > 0 ? 'quoted-differently' : n === 0 && who ? 'single-source-quote' : 'quote';
    const concern = annotation?.status === 'disputed' || (rule === 'quoted-differently' && !annotation?.status) ? 'disputed' : annotation?.status === 'needs-source' ? 'unverified' : null;
    let message =
      rule === 'quoted-differently'
        ? `Quoted differently: ${plural(differing, 'source')} ${differing === 1 ? 'gives' : 'give'} the words ${who ? `by ${who}` : 'unattributed'} otherwise`
        : `Quote${who ? ` by ${who}` : ', unattributed'}: ${n === 0 ? 'no other source carries it' : `${plural(n, 'source')} corroborate${n === 1 ? 's' : ''}`}`;
    if (annotation?.status) message += ` — ${said(annotation)}`;
    out.push({ rule, level: concern ? 'warning' : 'note', start: quote.start, end: quote.end, text: quote.text, message, evidence, annotation, suppressed: isSettledBy(annotation), concern });
  }
  for (const { claim, status, evidence } of report.claims) {
    const annotation = annotationOn(anchored, claim);
    const settled = settledStatus(status, annotation);
    const base = { start: claim.start, end: claim.end, text: claim.text, evidence, annotation };
    if (settled === 'verified' || settled === 'ignored') {
      // Kept, suppressed, so code-scanning tools show the researcher's decision instead of dropping the finding.
      if (status !== 'corroborated') out.push({ ...base, ...claimRule(status), message: `${claimRule(status).message} — ${said(annotation!)}`, suppressed: true, concern: null });
      continue;
    }
    if (settled === 'corroborated') continue;
    const rule = claimRule(settled);
    const byResearcher = Boolean(annotation?.status);
    out.push({ ...base, ...rule, message: byResearcher ? `${rule.message} — ${said(annotation!)}` : rule.message, suppressed: false, concern: settled === 'unverified' ? 'unverified' : settled === 'disputed' ? 'disputed' : null });
  }
  for (const a of anchored) {
    if (a.kind !== 'orphaned') continue;
    const { annotation } = a;
    const message = `Annotation no longer found in the text (${statusLabel(annotation.status)}${annotation.note ? `: ${annotation.note}` : ''}) — it was on “${annotation.quote.exact}”`;
    out.push({ rule: 'orphaned-annotation', level: 'warning', start: 0, end: 0, text: annotation.quote.exact, message, evidence: [], annotation, suppressed: false, concern: null });
  }
  return out;
}

function claimRule(status: 'single-source' | 'unverified' | 'disputed'): { rule: RuleId; level: 'note' | 'warning'; message: string } {
  switch (status) {
    case 'unverified':
      return { rule: 'unverified-claim', level: 'warning', message: 'Unverified claim: not attributed and no other source corroborates it' };
    case 'disputed':
      return { rule: 'disputed-claim', level: 'warning', message: 'Disputed claim: another source states it differently' };
    default:
      return { rule: 'single-source', level: 'note', message: 'Single-source claim: attributed, but no other source corroborates it' };
  }
}

/** True when a finding makes `--fail-on level` fail: unverified covers disputed too. */
export function failsOn(finding: Finding, level: 'unverified' | 'disputed' | 'never'): boolean {
  if (finding.suppressed || level === 'never' || finding.concern === null) return false;
  return level === 'unverified' || finding.concern === 'disputed';
}
