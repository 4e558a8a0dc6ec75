import { MarkupKind, type Hover } from 'vscode-languageserver';
import { statusLabel } from '../core/annotations/model';
import { annotationOn } from '../core/annotations/verdict';
import type { Evidence, Span } from '../core/types';
import { rangeOf, type FeatureContext } from './context';
import { clip, escapeMarkdown } from './markdown';

/** Hover on a quote or claim: who said it, its status, and the passages of other documents that bear on it. */
export function hover(ctx: FeatureContext, offset: number): Hover | null {
  const { report, lines } = ctx;
  const inside = <T extends { start: number; end: number }>(x: T) => x.start <= offset && offset < x.end;
  const q = report.quotes.find((f) => inside(f.quote));
  if (q) {
    const a = q.quote.attribution !== null ? report.analysis.attributions[q.quote.attribution] : undefined;
    const who = a ? (a.speaker ?? a.source?.text ?? 'unknown') : 'nobody in the text';
    const head = `**Quote** (${q.quote.kind}) — said by **${escapeMarkdown(who)}**${a ? ` (cue: *${escapeMarkdown(a.cue.text)}*)` : ''}`;
    return { contents: { kind: MarkupKind.Markdown, value: [head, ...researcher(ctx, q.quote), evidenceList(ctx, q.evidence)].join('\n\n') }, range: rangeOf(lines, q.quote.start, q.quote.end) };
  }
  const c = report.claims.find((f) => inside(f.claim));
  if (c) {
    const head = `**Claim** — ${c.status}`;
    return { contents: { kind: MarkupKind.Markdown, value: [head, ...researcher(ctx, c.claim), evidenceList(ctx, c.evidence)].join('\n\n') }, range: rangeOf(lines, c.claim.start, c.claim.end) };
  }
  return null;
}

/** The researcher's own status and note on the span, if any (all of it escaped: it is file content). */
function researcher(ctx: FeatureContext, span: Span): string[] {
  const a = annotationOn(ctx.annotations ?? [], span);
  if (!a) return [];
  const parts = [`**Your annotation:** ${escapeMarkdown(statusLabel(a.status))}`];
  if (a.note) parts.push(`— ${escapeMarkdown(clip(a.note))}`);
  if (a.source) parts.push(`(source: ${escapeMarkdown(clip(a.source, 120))})`);
  return [parts.join(' ')];
}

function evidenceList(ctx: FeatureContext, evidence: Evidence[]): string {
  if (evidence.length === 0) return '_No other document of the corpus carries it._';
  const items = evidence.map((e) => {
    const target = `${e.documentId}#L${e.line + 1}`;
    return `- [${escapeMarkdown(ctx.nameOf(e.documentId))}:${e.line + 1}](${encodeURI(target)}) — ${e.relation} ${e.score.toFixed(2)}: “${escapeMarkdown(clip(e.text))}”`;
  });
  const n = new Set(evidence.map((e) => e.documentId)).size;
  return `${n} source${n === 1 ? '' : 's'}:\n\n${items.join('\n')}`;
}
