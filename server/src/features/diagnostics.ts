import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { SeverityName } from '../lsp/settings';
import { locationOf, rangeOf, type FeatureContext } from './context';
import { statusLabel } from '../core/annotations/model';
import { findingsOf } from './findings';

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
        message: `${e.relation} (${e.score.toFixed(2)}) in ${ctx.nameOf(e.documentId)}`,
      })),
    });
  }
  for (const { kind, annotation } of ctx.annotations) {
    if (kind !== 'orphaned') continue;
    const message = `Your annotation (${statusLabel(annotation.status)}${annotation.note ? `: ${annotation.note}` : ''}) no longer matches the text; it was on “${annotation.quote.exact}”`;
    out.push({ range: rangeOf(ctx.lines, 0, 0), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'orphaned-annotation', message });
  }
  return out;
}
