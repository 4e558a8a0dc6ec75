// The CLI's JSON contract (documented in README.md). Keep it stable: other tools read it.
import type { AnchoredAnnotation } from '../core/annotations/anchor';
import { annotationOn } from '../core/annotations/verdict';
import type { ArticleReport, Evidence, TextSpan } from '../core/types';

export interface JsonSpan {
  start: number;
  end: number;
  text: string;
}

export interface JsonEvidence extends JsonSpan {
  path: string;
  line: number;
  score: number;
  relation: Evidence['relation'];
  /** The other document's words for a quote (for `differs`, the other wording). Optional. */
  wording?: JsonSpan;
  /** What disagrees, for `conflicts`. Optional. */
  reason?: string;
  /** Copies of this document (wire copies), counted once. Optional. */
  duplicates?: string[];
}

/** The researcher's annotation on a quote or claim (only with --annotations). */
export interface JsonAnnotationRef {
  id: string;
  status: string | null;
  note: string;
  source: string | null;
}

/** One annotation of the article's store and where it was found (only with --annotations). */
export interface JsonAnnotation extends JsonAnnotationRef {
  anchor: 'exact' | 'moved' | 'fuzzy' | 'orphaned';
  start: number | null;
  end: number | null;
  exact: string;
}

export interface JsonDocument {
  path: string;
  quotes: { start: number; end: number; text: string; attribution: number | null; evidence: JsonEvidence[]; annotation?: JsonAnnotationRef | null }[];
  attributions: { source: JsonSpan | null; speaker: string | null; cue: JsonSpan; content: JsonSpan | null }[];
  claims: { start: number; end: number; text: string; status: string; evidence: JsonEvidence[]; annotation?: JsonAnnotationRef | null }[];
  annotations?: JsonAnnotation[];
  /** Only for an article longer than --max-chars: how much of it was analysed. */
  partial?: { analysedChars: number; totalChars: number };
}

export interface JsonOutput {
  tool: { name: 'corroborate'; version: string };
  corpus: { path: string; passages: number }[];
  documents: JsonDocument[];
}

const span = (s: TextSpan): JsonSpan => ({ start: s.start, end: s.end, text: s.text });
const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Converts a report to the JSON contract; `pathOf` maps document ids to the paths the user gave.
 * With `anchored` (the CLI's --annotations) quotes and claims gain `annotation` and the document `annotations`; with
 * `totalChars` longer than the analysed text, the document says it was analysed in part.
 */
export function toJsonDocument(
  path: string,
  report: ArticleReport,
  pathOf: (id: string) => string,
  anchored?: readonly AnchoredAnnotation[],
  totalChars = report.analysis.text.length,
): JsonDocument {
  const ref = (s: { start: number; end: number }): { annotation?: JsonAnnotationRef | null } => {
    if (!anchored) return {};
    const a = annotationOn(anchored, s);
    return { annotation: a ? { id: a.id, status: a.status, note: a.note, source: a.source } : null };
  };
  const evidence = (e: Evidence): JsonEvidence => ({
    path: pathOf(e.documentId),
    start: e.start,
    end: e.end,
    line: e.line + 1,
    text: e.text,
    score: round(e.score),
    relation: e.relation,
    ...(e.wording ? { wording: span(e.wording) } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.duplicates ? { duplicates: e.duplicates.map(pathOf) } : {}),
  });
  const doc: JsonDocument = {
    path,
    quotes: report.quotes.map(({ quote, evidence: ev }) => ({
      start: quote.start,
      end: quote.end,
      text: quote.text,
      attribution: quote.attribution,
      evidence: ev.map(evidence),
      ...ref(quote),
    })),
    attributions: report.analysis.attributions.map((a) => ({
      source: a.source && span(a.source),
      speaker: a.speaker,
      cue: span(a.cue),
      content: a.content && span(a.content),
    })),
    claims: report.claims.map(({ claim, status, evidence: ev }) => ({
      start: claim.start,
      end: claim.end,
      text: claim.text,
      status,
      evidence: ev.map(evidence),
      ...ref(claim),
    })),
  };
  if (anchored) {
    doc.annotations = anchored.map(({ annotation: a, kind, start, end }) => ({
      id: a.id,
      status: a.status,
      note: a.note,
      source: a.source,
      anchor: kind,
      start: kind === 'orphaned' ? null : start,
      end: kind === 'orphaned' ? null : end,
      exact: a.quote.exact,
    }));
  }
  if (totalChars > report.analysis.text.length) doc.partial = { analysedChars: report.analysis.text.length, totalChars };
  return doc;
}

/**
 * Writes the JSON output as a stream, document by document, byte for byte what
 * `JSON.stringify(output, null, 2)` would give for the whole.
 */
export class JsonWriter {
  private documents = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  begin(tool: JsonOutput['tool'], corpus: JsonOutput['corpus']): void {
    const head = JSON.stringify({ tool, corpus, documents: [] }, null, 2);
    this.write(head.slice(0, head.lastIndexOf('[]')) + '[');
  }

  add(doc: JsonDocument): void {
    this.write((this.documents++ === 0 ? '\n' : ',\n') + JSON.stringify(doc, null, 2).replace(/^/gm, '    '));
  }

  end(): void {
    this.write((this.documents > 0 ? '\n  ]' : ']') + '\n}\n');
  }
}
