import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Evidence } from '../core/types';
import { locationOf, rangeOf, type FeatureContext } from './context';

export const SOURCE = 'corroborate';

/** One diagnostic per quote and per claim that needs the researcher's attention. */
export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  const { report, lines } = ctx;
  const out: Diagnostic[] = [];
  const related = (evidence: Evidence[]): DiagnosticRelatedInformation[] =>
    evidence.map((e) => ({ location: locationOf(e), message: `${e.relation} (${e.score.toFixed(2)}) in ${ctx.nameOf(e.documentId)}` }));
  for (const { quote, evidence } of report.quotes) {
    if (quote.kind === 'scare') continue;
    const a = quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined;
    const who = a?.speaker ?? a?.source?.text;
    const n = new Set(evidence.map((e) => e.documentId)).size;
    out.push({
      range: rangeOf(lines, quote.start, quote.end),
      severity: DiagnosticSeverity.Hint,
      source: SOURCE,
      code: 'quote',
      message: `Quote${who ? ` by ${who}` : ', unattributed'}: ${n === 0 ? 'no other source carries it' : `${n} source${n === 1 ? '' : 's'} corroborate${n === 1 ? 's' : ''}`}`,
      relatedInformation: related(evidence),
    });
  }
  for (const { claim, status, evidence } of report.claims) {
    if (status === 'corroborated') continue;
    const [severity, code, message] =
      status === 'unverified'
        ? [DiagnosticSeverity.Warning, 'unverified-claim', 'Unverified claim: not attributed and no other source corroborates it']
        : status === 'disputed'
          ? [DiagnosticSeverity.Warning, 'disputed-claim', 'Disputed claim: another source states it differently']
          : [DiagnosticSeverity.Information, 'single-source', 'Single-source claim: attributed, but no other source corroborates it'];
    out.push({ range: rangeOf(lines, claim.start, claim.end), severity, source: SOURCE, code, message, relatedInformation: related(evidence) });
  }
  return out;
}
