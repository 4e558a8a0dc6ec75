import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { ANNOTATE_COMMAND, type AnnotationRequest, type AnnotationStatus } from './annotate';
import { rangeOf, type FeatureContext } from './context';
import { bestEvidence, findingsOf, type Finding } from './findings';

/**
 * Actions on the findings under the range: mark verified or disputed (with a note), ignore in this file,
 * insert a citation of the best source. Annotating is left out where the workspace is not trusted.
 */
export function codeActions(ctx: FeatureContext, range: Range, diagnostics: readonly Diagnostic[], canAnnotate: boolean): CodeAction[] {
  const from = ctx.lines.offset(range.start.line, range.start.character);
  const to = ctx.lines.offset(range.end.line, range.end.character);
  const touched = findingsOf(ctx).filter((f) => f.start <= to && from <= f.end && (from === to ? from < f.end : true));
  const out: CodeAction[] = [];
  for (const f of touched) {
    const fRange = rangeOf(ctx.lines, f.start, f.end);
    const related = diagnostics.filter((d) => d.code === f.code && sameRange(d.range, fRange));
    const what = f.subject;
    const annotation = (status: AnnotationStatus, title: string): CodeAction => {
      const request: AnnotationRequest = { uri: ctx.uri, range: fRange, status, note: '' };
      return { title, kind: CodeActionKind.QuickFix, diagnostics: related, command: { title, command: ANNOTATE_COMMAND, arguments: [request] } };
    };
    if (canAnnotate && what !== 'attribution') {
      out.push(annotation('verified', `Mark ${what} as verified…`), annotation('disputed', `Mark ${what} as disputed…`));
    }
    if (canAnnotate) out.push(annotation('ignored', `Ignore this ${label(f)} in this file`));
    const best = bestEvidence(f.evidence);
    if (best) {
      const cite = `${ctx.nameOf(best.documentId)}:${best.line + 1}`;
      const at = fRange.end;
      out.push({
        title: `Insert citation of ${cite}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: related,
        edit: { changes: { [ctx.uri]: [{ range: { start: at, end: at }, newText: ` [source: ${cite}]` }] } },
      });
    }
  }
  return out;
}

function label(f: Finding): string {
  return f.code.replace(/-/g, ' ');
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
