import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { SeverityName } from '../lsp/settings';
import { locationOf, rangeOf, type FeatureContext } from './context';
import { findingsOf, isSettled } from './findings';

export const SOURCE = 'corroborate';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One diagnostic per finding, at the severity its kind is set to; kinds set to "off" and settled findings are left out. */
export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findingsOf(ctx)) {
    const level = ctx.settings.severity[f.kind];
    if (level === 'off' || isSettled(ctx, f)) continue;
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
  return out;
}
