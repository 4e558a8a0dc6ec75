import { throwIfCancelled, noCancellation, type CancellationToken } from '../cancellation';
import type { Corpus, Passage } from '../corpus/corpus';
import { contentWords } from '../corpus/terms';
import type { ArticleAnalysis, ClaimFinding, ClaimStatus, Evidence, QuoteFinding } from '../types';

const SUPPORT_THRESHOLD = 0.5;

/** Finds, for each quote and claim of an article, the best passage of every other corpus document that bears on it. */
export function corroborate(
  analysis: ArticleAnalysis,
  documentId: string,
  corpus: Corpus,
  token: CancellationToken = noCancellation,
): { quotes: QuoteFinding[]; claims: ClaimFinding[] } {
  const quotes: QuoteFinding[] = [];
  for (const quote of analysis.quotes) {
    throwIfCancelled(token);
    quotes.push({ quote, evidence: quote.kind === 'scare' ? [] : findEvidence(quote.text, documentId, corpus) });
  }
  const claims: ClaimFinding[] = [];
  for (const claim of analysis.claims) {
    throwIfCancelled(token);
    const evidence = findEvidence(claim.text, documentId, corpus);
    claims.push({ claim, evidence, status: statusOf(evidence, claim.attribution !== null) });
  }
  return { quotes, claims };
}

function findEvidence(text: string, documentId: string, corpus: Corpus): Evidence[] {
  const query = new Set(contentWords(text));
  if (query.size === 0) return [];
  const best = new Map<string, Evidence>();
  for (const { passage } of corpus.search(text, { exclude: documentId, limit: 50 })) {
    const score = overlap(query, passage);
    if (score < SUPPORT_THRESHOLD) continue;
    const prev = best.get(passage.documentId);
    if (!prev || prev.score < score) best.set(passage.documentId, toEvidence(passage, score));
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function overlap(query: Set<string>, passage: Passage): number {
  const terms = new Set(passage.terms);
  let shared = 0;
  for (const t of query) if (terms.has(t)) shared++;
  return shared / query.size;
}

function toEvidence(p: Passage, score: number): Evidence {
  const { documentId, start, end, line, character, endLine, endCharacter, text } = p;
  return { documentId, start, end, line, character, endLine, endCharacter, text, score, relation: 'supports' };
}

function statusOf(evidence: Evidence[], attributed: boolean): ClaimStatus {
  if (evidence.some((e) => e.relation !== 'supports')) return 'disputed';
  if (evidence.length > 0) return 'corroborated';
  return attributed ? 'single-source' : 'unverified';
}
