import type { AnchoredAnnotation } from '../core/annotations/anchor';
import { LineIndex } from '../core/text/lines';
import type { ArticleReport, Evidence } from '../core/types';

/** What every feature needs: the report, positions in the article, and how to name other documents. */
export interface FeatureContext {
  uri: string;
  report: ArticleReport;
  lines: LineIndex;
  /** The researcher's annotations, placed in the article's current text (orphaned ones too). */
  annotations?: readonly AnchoredAnnotation[];
  /** A short display name for a corpus document (its file name). */
  nameOf(documentId: string): string;
}

export function rangeOf(lines: LineIndex, start: number, end: number) {
  return { start: lines.position(start), end: lines.position(end) };
}

/** The LSP location of an evidence passage in its own document. */
export function locationOf(e: Evidence) {
  return { uri: e.documentId, range: { start: { line: e.line, character: e.character }, end: { line: e.endLine, character: e.endCharacter } } };
}
