import type { CodeLens, Location } from 'vscode-languageserver';
import { annotationOn, settledStatus } from '../core/annotations/verdict';
import type { Evidence } from '../core/types';
import { SHOW_SOURCES_COMMAND } from '../lsp/protocol';
import { documentsOf, locationOf, plural, rangeOf, type FeatureContext } from './context';

/** What a lens carries until it is resolved. */
export interface LensData {
  uri: string;
  paragraph: number;
}

/** An unresolved lens above each paragraph that has quotes or claims; the title is computed on resolve. */
export function codeLenses(ctx: FeatureContext): CodeLens[] {
  if (!ctx.settings.codeLens.enabled) return [];
  const lenses: CodeLens[] = [];
  for (const p of ctx.report.analysis.paragraphs) {
    const { quotes, claims } = inParagraph(ctx, p.index);
    if (quotes.length + claims.length === 0) continue;
    const data: LensData = { uri: ctx.uri, paragraph: p.index };
    lenses.push({ range: rangeOf(ctx.lines, p.start, p.start), data });
  }
  return lenses;
}

/** Fills in a lens: "✓ 3 sources · ≠ 1 quoted differently · ? 1 unverified · ✎ 1 annotated", opening the passages in a peek view. */
export function resolveCodeLens(ctx: FeatureContext, lens: CodeLens): CodeLens {
  const data = lens.data as LensData | undefined;
  const p = data ? ctx.report.analysis.paragraphs[data.paragraph] : undefined;
  if (!p) return { ...lens, command: { title: 'stale: the article changed', command: '' } };
  const { quotes, claims } = inParagraph(ctx, p.index);
  const evidence = [...quotes.flatMap((f) => f.evidence), ...claims.flatMap((f) => f.evidence)];
  const count = (pred: (e: Evidence) => boolean) => documentsOf(evidence.filter(pred)).length;
  const supports = count((e) => e.relation === 'supports');
  const differs = count((e) => e.relation === 'differs');
  const conflicts = count((e) => e.relation === 'conflicts');
  const unverified = claims.filter((c) => settledStatus(c.status, annotationOn(ctx.annotations, c.claim)) === 'unverified').length;
  const annotated = ctx.annotations.filter((a) => a.kind !== 'orphaned' && a.start >= p.start && a.start < p.end).length;
  const parts: string[] = [];
  if (supports > 0) parts.push(`✓ ${plural(supports, 'source')}`);
  if (differs > 0) parts.push(`≠ ${differs} quoted differently`);
  if (conflicts > 0) parts.push(`✗ ${conflicts} conflicting`);
  if (unverified > 0) parts.push(`? ${unverified} unverified`);
  if (annotated > 0) parts.push(`✎ ${annotated} annotated`);
  if (parts.length === 0) parts.push('no other source');
  const range = rangeOf(ctx.lines, p.start, p.start);
  return { range, data, command: { title: parts.join(' · '), command: SHOW_SOURCES_COMMAND, arguments: [ctx.uri, range.start, unique(evidence.map(locationOf))] } };
}

function inParagraph(ctx: FeatureContext, paragraph: number) {
  const p = ctx.report.analysis.paragraphs[paragraph];
  const inP = (x: { start: number }) => x.start >= p.start && x.start < p.end;
  return {
    quotes: ctx.report.quotes.filter((f) => f.quote.kind !== 'scare' && inP(f.quote)),
    claims: ctx.report.claims.filter((f) => inP(f.claim)),
  };
}

function unique(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
