// The CLI's JSON contract (documented in README.md). Keep it stable: other tools read it.
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
}

export interface JsonDocument {
  path: string;
  quotes: { start: number; end: number; text: string; attribution: number | null; evidence: JsonEvidence[] }[];
  attributions: { source: JsonSpan | null; speaker: string | null; cue: JsonSpan; content: JsonSpan | null }[];
  claims: { start: number; end: number; text: string; status: string; evidence: JsonEvidence[] }[];
}

export interface JsonOutput {
  tool: { name: 'corroborate'; version: string };
  corpus: { path: string; passages: number }[];
  documents: JsonDocument[];
}

const span = (s: TextSpan): JsonSpan => ({ start: s.start, end: s.end, text: s.text });
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Converts a report to the JSON contract; `pathOf` maps document ids to the paths the user gave. */
export function toJsonDocument(path: string, report: ArticleReport, pathOf: (id: string) => string): JsonDocument {
  const evidence = (e: Evidence): JsonEvidence => ({
    path: pathOf(e.documentId),
    start: e.start,
    end: e.end,
    line: e.line + 1,
    text: e.text,
    score: round(e.score),
    relation: e.relation,
  });
  return {
    path,
    quotes: report.quotes.map(({ quote, evidence: ev }) => ({
      start: quote.start,
      end: quote.end,
      text: quote.text,
      attribution: quote.attribution,
      evidence: ev.map(evidence),
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
    })),
  };
}
