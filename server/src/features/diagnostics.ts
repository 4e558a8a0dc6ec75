import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { statusLabel, type Annotation } from '../core/annotations/model';
import { annotationOn, isSettledBy, settledStatus } from '../core/annotations/verdict';
import type { Evidence } from '../core/types';
import { locationOf, rangeOf, type FeatureContext } from './context';

export const SOURCE = 'corroborate';

/** One diagnostic per quote and per claim that needs the researcher's attention. */
export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  const { report, lines } = ctx;
  const out: Diagnostic[] = [];
  const annotations = ctx.annotations ?? [];
  const byYou = (a: Annotation | undefined) => (a?.status ? ` — ${statusLabel(a.status)} by you${a.note ? `: ${a.note}` : ''}` : '');
  const related = (evidence: Evidence[]): DiagnosticRelatedInformation[] =>
    evidence.map((e) => ({ location: locationOf(e), message: `${e.relation} (${e.score.toFixed(2)}) in ${ctx.nameOf(e.documentId)}` }));
  for (const { quote, evidence } of report.quotes) {
    if (quote.kind === 'scare') continue;
    const annotation = annotationOn(annotations, quote);
    if (isSettledBy(annotation)) continue;
    const a = quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined;
    const who = a?.speaker ?? a?.source?.text;
    const n = new Set(evidence.map((e) => e.documentId)).size;
    out.push({
      range: rangeOf(lines, quote.start, quote.end),
      severity: annotation?.status === 'disputed' || annotation?.status === 'needs-source' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Hint,
      source: SOURCE,
      code: 'quote',
      message: `Quote${who ? ` by ${who}` : ', unattributed'}: ${n === 0 ? 'no other source carries it' : `${n} source${n === 1 ? '' : 's'} corroborate${n === 1 ? 's' : ''}`}${byYou(annotation)}`,
      relatedInformation: related(evidence),
    });
  }
  for (const { claim, status: computed, evidence } of report.claims) {
    const annotation = annotationOn(annotations, claim);
    const status = settledStatus(computed, annotation);
    if (status === 'corroborated' || status === 'verified' || status === 'ignored') continue;
    const [severity, code, message] =
      status === 'unverified'
        ? [DiagnosticSeverity.Warning, 'unverified-claim', 'Unverified claim: not attributed and no other source corroborates it']
        : status === 'disputed'
          ? [DiagnosticSeverity.Warning, 'disputed-claim', 'Disputed claim: another source states it differently']
          : [DiagnosticSeverity.Information, 'single-source', 'Single-source claim: attributed, but no other source corroborates it'];
    out.push({ range: rangeOf(lines, claim.start, claim.end), severity, source: SOURCE, code, message: message + byYou(annotation), relatedInformation: related(evidence) });
  }
  for (const { kind, annotation } of annotations) {
    if (kind !== 'orphaned') continue;
    const message = `Your annotation (${statusLabel(annotation.status)}${annotation.note ? `: ${annotation.note}` : ''}) no longer matches the text; it was on “${annotation.quote.exact}”`;
    out.push({ range: rangeOf(lines, 0, 0), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'orphaned-annotation', message });
  }
  return out;
}
