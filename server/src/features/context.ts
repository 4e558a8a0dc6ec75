import type { Location, Range } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lines';
import type { ArticleReport, Evidence } from '../core/types';
import type { AnchoredAnnotation } from '../core/annotations/anchor';
import type { Settings } from '../lsp/settings';

/** What every feature needs: the report, positions in the article, settings, and how to name other documents. */
export interface FeatureContext {
  uri: string;
  report: ArticleReport;
  lines: LineIndex;
  settings: Settings;
  /** The researcher's annotations, placed in the article's current text (orphaned ones too). */
  annotations: readonly AnchoredAnnotation[];
  /** A short display name for a corpus document (its file name). */
  nameOf(documentId: string): string;
  /** The document's length when it is longer than the analysed text (corroborate.maxAnalysisChars); findings stop at the cut. */
  totalChars?: number;
}

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.position(start), end: lines.position(end) };
}

/** The LSP location of an evidence passage in its own document. */
export function locationOf(e: Evidence): Location {
  return { uri: e.documentId, range: { start: { line: e.line, character: e.character }, end: { line: e.endLine, character: e.endCharacter } } };
}

/** Distinct documents among evidence, in order of first appearance. */
export function documentsOf(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => e.documentId))];
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
