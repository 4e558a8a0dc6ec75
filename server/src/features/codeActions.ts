import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { AnnotationRequest } from '../host/fileAnnotations';
import { ANNOTATE_COMMAND } from '../lsp/protocol';
import { rangeOf, type FeatureContext } from './context';
import { bestEvidence, findingsOf, type Finding } from './findings';

/**
 * Actions on the findings under the range: mark verified, disputed or needs-source (the editor asks for a note),
 * ignore in this file, clear one's annotation, insert a citation of the best source. Nothing is annotated where the
 * workspace is not trusted or the article is not a file.
 */
export function codeActions(ctx: FeatureContext, range: Range, diagnostics: readonly Diagnostic[], canAnnotate: boolean): CodeAction[] {
  const from = ctx.lines.offset(range.start.line, range.start.character);
  const to = ctx.lines.offset(range.end.line, range.end.character);
  const touches = (f: Finding) => (from === to ? f.start <= from && from < f.end : f.start < to && from < f.end);
  const annotatable = canAnnotate && ctx.uri.startsWith('file:');
  const out: CodeAction[] = [];
  for (const f of findingsOf(ctx).filter(touches)) {
    const fRange = rangeOf(ctx.lines, f.start, f.end);
    const related = diagnostics.filter((d) => d.code === f.code && sameRange(d.range, fRange));
    const annotation = (status: AnnotationRequest['status'], title: string): CodeAction => {
      const request: AnnotationRequest = { uri: ctx.uri, range: fRange, status, note: f.annotation?.note ?? '' };
      return { title, kind: CodeActionKind.QuickFix, diagnostics: related, command: { title, command: ANNOTATE_COMMAND, arguments: [request] } };
    };
    if (annotatable && f.subject !== 'attribution') {
      out.push(annotation('verified', `Mark ${f.subject} as verified…`), annotation('disputed', `Mark ${f.subject} as disputed…`), annotation('needs-source', `Mark ${f.subject} as needing a source…`));
    }
    if (annotatable && !f.settled) out.push(annotation('ignored', `Ignore this ${f.code.replace(/-/g, ' ')} in this file`));
    if (annotatable && f.annotation) out.push(annotation('clear', `Remove your annotation (${f.annotation.status ?? 'note'})`));
    const best = bestEvidence(f.evidence);
    if (best) {
      const cite = `${ctx.nameOf(best.documentId)}:${best.line + 1}`;
      out.push({
        title: `Insert citation of ${cite}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: related,
        edit: { changes: { [ctx.uri]: [{ range: { start: fRange.end, end: fRange.end }, newText: ` [source: ${cite}]` }] } },
      });
    }
  }
  return out;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
