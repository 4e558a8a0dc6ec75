// The one door through which the editor records a researcher's judgement of a finding.
// Until the annotation store (W3C Web Annotations beside the article) is plugged in here,
// annotations live for the session only, anchored by the text they were made on.
import type { Range } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lines';

export { ANNOTATE_COMMAND } from '../lsp/protocol';

/** verified/disputed: the researcher's verdict; ignored: hide this finding in this file; note: a remark only. */
export type AnnotationStatus = 'verified' | 'disputed' | 'ignored' | 'note';

/** The arguments of `workspace/executeCommand` 'corroborate.annotate'. */
export interface AnnotationRequest {
  uri: string;
  range: Range;
  status: AnnotationStatus;
  note: string;
}

/** An annotation placed in the current text of its document (UTF-16 offsets). */
export interface PlacedAnnotation {
  start: number;
  end: number;
  status: AnnotationStatus;
  note: string;
}

const STATUSES = new Set<AnnotationStatus>(['verified', 'disputed', 'ignored', 'note']);

/** Validates command arguments from the client; a one-line reason when they are not an annotation. */
export function parseAnnotationRequest(arg: unknown): AnnotationRequest | string {
  if (typeof arg !== 'object' || arg === null) return 'expected {uri, range, status, note}';
  const a = arg as Record<string, unknown>;
  const pos = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  const range = a.range as Range | undefined;
  if (typeof a.uri !== 'string') return 'uri must be a string';
  if (!range || !pos(range.start) || !pos(range.end)) return 'range must be an LSP range';
  if (typeof a.status !== 'string' || !STATUSES.has(a.status as AnnotationStatus)) return `status must be one of ${[...STATUSES].join(', ')}`;
  const note = typeof a.note === 'string' ? a.note : '';
  return { uri: a.uri, range, status: a.status as AnnotationStatus, note };
}

/** Where annotations go; the annotation store implements this. */
export interface AnnotationSink {
  annotate(request: AnnotationRequest, text: string): void | Promise<void>;
  /** The document's annotations placed in its current text. */
  placed(uri: string, text: string): PlacedAnnotation[];
}

/** Records an annotation (the single entry point for code actions and the command). */
export function annotate(sink: AnnotationSink, request: AnnotationRequest, text: string): void | Promise<void> {
  return sink.annotate(request, text);
}

/** Session-only annotations, re-found by their exact text when the article is edited. */
export class SessionAnnotations implements AnnotationSink {
  private readonly byUri = new Map<string, { exact: string; start: number; status: AnnotationStatus; note: string }[]>();

  annotate(request: AnnotationRequest, text: string): void {
    const lines = new LineIndex(text);
    const start = lines.offset(request.range.start.line, request.range.start.character);
    const end = lines.offset(request.range.end.line, request.range.end.character);
    const list = (this.byUri.get(request.uri) ?? []).filter((a) => !(a.start === start && a.exact === text.slice(start, end)));
    list.push({ exact: text.slice(start, end), start, status: request.status, note: request.note });
    this.byUri.set(request.uri, list);
  }

  placed(uri: string, text: string): PlacedAnnotation[] {
    const out: PlacedAnnotation[] = [];
    for (const a of this.byUri.get(uri) ?? []) {
      const start = text.startsWith(a.exact, a.start) ? a.start : nearest(text, a.exact, a.start);
      if (start >= 0) out.push({ start, end: start + a.exact.length, status: a.status, note: a.note });
    }
    return out;
  }
}

function nearest(text: string, exact: string, around: number): number {
  if (!exact) return -1;
  let best = -1;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    if (best < 0 || Math.abs(i - around) < Math.abs(best - around)) best = i;
  }
  return best;
}
