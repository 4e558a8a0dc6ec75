import type { CodeLens } from 'vscode-languageserver';
import { annotationOn, settledStatus } from '../core/annotations/verdict';
import { locationOf, rangeOf, type FeatureContext } from './context';

export const SHOW_SOURCES_COMMAND = 'corroborate.showSources';

/** One lens above each paragraph with findings: "✓ 3 sources · ≠ 1 quoted differently · ? 1 unverified". */
export function codeLenses(ctx: FeatureContext): CodeLens[] {
  const { report, lines } = ctx;
  const lenses: CodeLens[] = [];
  for (const p of report.analysis.paragraphs) {
    const inP = (x: { start: number }) => x.start >= p.start && x.start < p.end;
    const quotes = report.quotes.filter((f) => inP(f.quote) && f.quote.kind !== 'scare');
    const claims = report.claims.filter((f) => inP(f.claim));
    const evidence = [...quotes.flatMap((f) => f.evidence), ...claims.flatMap((f) => f.evidence)];
    const supports = new Set(evidence.filter((e) => e.relation === 'supports').map((e) => e.documentId)).size;
    const differs = new Set(evidence.filter((e) => e.relation !== 'supports').map((e) => e.documentId)).size;
    const annotations = ctx.annotations ?? [];
    const unverified = claims.filter((c) => settledStatus(c.status, annotationOn(annotations, c.claim)) === 'unverified').length;
    const annotated = annotations.filter((a) => a.kind !== 'orphaned' && inP(a)).length;
    if (quotes.length + claims.length === 0) continue;
    const parts: string[] = [];
    if (supports > 0) parts.push(`✓ ${supports} source${supports === 1 ? '' : 's'}`);
    if (differs > 0) parts.push(`≠ ${differs} quoted differently`);
    if (unverified > 0) parts.push(`? ${unverified} unverified`);
    if (annotated > 0) parts.push(`✎ ${annotated} annotated`);
    if (parts.length === 0) parts.push('no other source');
    const range = rangeOf(lines, p.start, p.start);
    const locations = evidence.map(locationOf);
    lenses.push({ range, command: { title: parts.join(' · '), command: SHOW_SOURCES_COMMAND, arguments: [ctx.uri, range.start, locations] } });
  }
  return lenses;
}
