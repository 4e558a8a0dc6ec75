import { analyzeArticle } from './analyze';
import { noCancellation, type CancellationToken } from './cancellation';
import { Corpus } from './corpus/corpus';
import { corroborate } from './corroborate/evidence';
import { speakersOf, type Speaker } from './speakers';
import type { ArticleAnalysis, ArticleReport } from './types';

/**
 * The language service the server and the CLI share: a corpus plus one cached analysis per
 * document version, and one cached report per (version, corpus generation).
 */
export class CorroborateService {
  private index = new Corpus();
  private generation = 0;
  private readonly analyses = new Map<string, { version: number; analysis: ArticleAnalysis }>();
  private readonly reports = new Map<string, { version: number; generation: number; report: ArticleReport }>();
  private readonly corpusAnalyses = new Map<string, { text: string; analysis: ArticleAnalysis }>();
  private speakerCache: { generation: number; speakers: Speaker[] } | undefined;

  /** The documents evidence is drawn from. */
  get corpus(): Corpus {
    return this.index;
  }

  /** Swaps in a corpus indexed elsewhere (a worker thread, the on-disk cache); every report is recomputed. */
  replaceCorpus(corpus: Corpus): void {
    this.index = corpus;
    this.generation++;
  }

  /** Adds or replaces a corpus document (an article on disk or an open one). */
  setDocument(documentId: string, text: string): void {
    this.corpus.set(documentId, text);
    this.generation++;
  }

  deleteDocument(documentId: string): void {
    this.corpus.delete(documentId);
    this.corpusAnalyses.delete(documentId);
    this.analyses.delete(documentId);
    this.reports.delete(documentId);
    this.generation++;
  }

  /** Forgets cached results for a document that is no longer open. */
  forget(documentId: string): void {
    this.analyses.delete(documentId);
    this.reports.delete(documentId);
  }

  analyze(documentId: string, text: string, version: number, token: CancellationToken = noCancellation): ArticleAnalysis {
    const hit = this.analyses.get(documentId);
    if (hit && hit.version === version && hit.analysis.text === text) return hit.analysis;
    const analysis = analyzeArticle(text, token);
    this.analyses.set(documentId, { version, analysis });
    return analysis;
  }

  /** The article's analysis with evidence from every other corpus document; cached. */
  report(documentId: string, text: string, version: number, token: CancellationToken = noCancellation): ArticleReport {
    const hit = this.reports.get(documentId);
    if (hit && hit.version === version && hit.generation === this.generation && hit.report.analysis.text === text) {
      return hit.report;
    }
    const analysis = this.analyze(documentId, text, version, token);
    const { quotes, claims } = corroborate(analysis, documentId, this.corpus, token);
    const report: ArticleReport = { documentId, version, analysis, quotes, claims };
    this.reports.set(documentId, { version, generation: this.generation, report });
    return report;
  }

  /** The text a corpus document was last indexed with (kept once, by the corpus, as UTF-8). */
  text(documentId: string): string | undefined {
    const d = this.corpus.documentIndex(documentId);
    return d < 0 ? undefined : this.corpus.text(d);
  }

  /** Everyone quoted across the corpus; each document analysed once per text, the result cached per corpus generation. */
  speakers(token: CancellationToken = noCancellation): Speaker[] {
    if (this.speakerCache?.generation === this.generation) return this.speakerCache.speakers;
    const generation = this.generation;
    const documents = this.corpus.documentIds.map((documentId) => {
      const text = this.text(documentId)!;
      let hit = this.corpusAnalyses.get(documentId);
      if (!hit || hit.text !== text) {
        hit = { text, analysis: analyzeArticle(text, token) };
        this.corpusAnalyses.set(documentId, hit);
      }
      return { documentId, analysis: hit.analysis };
    });
    const speakers = speakersOf(documents);
    this.speakerCache = { generation, speakers };
    return speakers;
  }

  /** A report already computed for this version, without computing one. */
  cachedReport(documentId: string, version: number): ArticleReport | undefined {
    const hit = this.reports.get(documentId);
    return hit && hit.version === version && hit.generation === this.generation ? hit.report : undefined;
  }
}
