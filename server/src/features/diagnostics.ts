import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { SeverityName } from '../lsp/settings';
import { locationOf, rangeOf, type FeatureContext } from './context';
import { statusLabel } from '../core/annotations/model';
import { findingsOf } from './findings';
import { clip, NAME_MAX } from './markdown';

export const SOURCE = 'corroborate';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One diagnostic per finding, at the severity its kind is set to; kinds set to "off" and findings the researcher
 * settled are left out. An annotation whose text is gone is a warning at the top of the article.
 */
export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findingsOf(ctx)) {
    const level = ctx.settings.severity[f.kind];
    if (level === 'off' || f.settled) continue;
    out.push({
      range: rangeOf(ctx.lines, f.start, f.end),
      severity: SEVERITY[level],
      source: SOURCE,
      code: f.code,
      message: f.message,
      relatedInformation: f.evidence.map((e) => ({
        location: locationOf(e),
        message: `${e.relation} (${e.score.toFixed(2)}) in ${clip(ctx.nameOf(e.documentId), NAME_MAX)}`,
      })),
    });
  }
  const analysed = ctx.report.analysis.text.length;
  if (ctx.totalChars !== undefined && ctx.totalChars > analysed) {
    const n = (x: number) => x.toLocaleString('en-US');
    const message = `Only the first ${n(analysed)} of ${n(ctx.totalChars)} characters are analysed (corroborate.maxAnalysisChars); nothing after this point is checked.`;
    out.push({ range: rangeOf(ctx.lines, analysed, analysed), severity: DiagnosticSeverity.Information, source: SOURCE, code: 'partial-analysis', message });
  }
  for (const { kind, annotation } of ctx.annotations) {
    if (kind !== 'orphaned') continue;
    const message = `Your annotation (${statusLabel(annotation.status)}${annotation.note ? `: ${clip(annotation.note, 120)}` : ''}) no longer matches the text; it was on “${clip(annotation.quote.exact, 120)}”`;
    out.push({ range: rangeOf(ctx.lines, 0, 0), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'orphaned-annotation', message });
  }
  return out;
}
