// The CLI's human-readable report: one block per article, one line per finding.
import type { AnchoredAnnotation } from '../core/annotations/anchor';
import { statusLabel, type Annotation } from '../core/annotations/model';
import { annotationOn } from '../core/annotations/verdict';
import { LineIndex } from '../core/text/lines';
import type { ArticleReport, Evidence } from '../core/types';

const oneLine = (s: string, max = 100): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};

/** Formats one article's findings for a terminal; with `anchored`, the researcher's annotations too. */
export function formatTextReport(path: string, report: ArticleReport, pathOf: (id: string) => string, anchored?: readonly AnchoredAnnotation[]): string {
  const said = (span: { start: number; end: number }) => {
    const a: Annotation | undefined = anchored && annotationOn(anchored, span);
    return a ? `  ✎ ${statusLabel(a.status)}${a.note ? `: ${oneLine(a.note, 80)}` : ''}` : '';
  };
  const lines = new LineIndex(report.analysis.text);
  const at = (offset: number) => {
    const p = lines.position(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const ev = (e: Evidence) => `      ${e.relation} ${e.score.toFixed(2)}  ${pathOf(e.documentId)}:${e.line + 1}  ${oneLine(e.text, 90)}`;
  const out: string[] = [path];
  for (const { quote, evidence } of report.quotes) {
    const a = quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined;
    const who = a ? (a.speaker ?? a.source?.text ?? 'unknown') : 'unattributed';
    const sources = new Set(evidence.map((e) => e.documentId)).size;
    out.push(`  ${at(quote.start)}  quote (${quote.kind})  ${oneLine(quote.text)}  — ${who}  [${sources} source${sources === 1 ? '' : 's'}]${said(quote)}`);
    for (const e of evidence) out.push(ev(e));
  }
  for (const { claim, status, evidence } of report.claims) {
    out.push(`  ${at(claim.start)}  claim ${status}  ${oneLine(claim.text)}${said(claim)}`);
    for (const e of evidence) out.push(ev(e));
  }
  for (const a of anchored ?? []) {
    if (a.kind === 'orphaned') out.push(`  ?:?  annotation orphaned (${statusLabel(a.annotation.status)})  no longer in the text: ${oneLine(a.annotation.quote.exact)}`);
  }
  const count = (s: string) => report.claims.filter((c) => c.status === s).length;
  out.push(
    `  ${report.quotes.length} quotes, ${report.analysis.attributions.length} attributions, ${report.claims.length} claims ` +
      `(${count('corroborated')} corroborated, ${count('single-source')} single-source, ${count('unverified')} unverified, ${count('disputed')} disputed)`,
  );
  return out.join('\n');
}
