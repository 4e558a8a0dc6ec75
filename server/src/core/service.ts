import { analyzeArticle, type AnalysisOptions } from './analyze';
import { noCancellation, type CancellationToken } from './cancellation';
import { Corpus } from './corpus/corpus';
import { corroborate } from './corroborate/evidence';
import { provisionalReport } from './provisional';
import { creditedQuotes, speakersOfCredited, type CreditedQuote, type Speaker } from './speakers';
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
  /** Per corpus document, its credited quotes and a fingerprint of the text they came from (not the analysis: at 10,000 articles that held 460 MB). */
  private readonly credits = new Map<string, { fingerprint: string; credited: CreditedQuote[] }>();
  private speakerCache: { generation: number; speakers: Speaker[] } | undefined;
  private options: AnalysisOptions = {};
  private optionsKey = '{}';

  /** Counts the changes of the corpus and of how articles are read: a report is current for one generation. */
  get corpusGeneration(): number {
    return this.generation;
  }

  /** The documents evidence is drawn from. */
  get corpus(): Corpus {
    return this.index;
  }

  /** Swaps in a corpus indexed elsewhere (a worker thread, the on-disk cache); every report is recomputed. */
  replaceCorpus(corpus: Corpus): void {
    this.index = corpus;
    this.generation++;
  }

  /** Sets how articles are read (the cue lexicon); when it changed, every cached analysis is dropped. Returns whether it changed. */
  setAnalysisOptions(options: AnalysisOptions): boolean {
    const key = JSON.stringify(options);
    if (key === this.optionsKey) return false;
    this.options = options;
    this.optionsKey = key;
    this.analyses.clear();
    this.reports.clear();
    this.credits.clear();
    this.generation++;
    return true;
  }

  /** Adds or replaces a corpus document (an article on disk or an open one). */
  setDocument(documentId: string, text: string): void {
    this.corpus.set(documentId, text);
    this.generation++;
  }

  deleteDocument(documentId: string): void {
    this.corpus.delete(documentId);
    this.credits.delete(documentId);
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
    const analysis = analyzeArticle(text, token, this.options);
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
    const steps = this.speakerSteps(token);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * speakers(), awaiting `pause` every few documents analysed: reading a large corpus takes long, and a server must
   * answer other requests (and hear a cancellation) meanwhile. What was read before a cancellation is kept.
   */
  async speakersInSteps(token: CancellationToken, pause: () => Promise<void>): Promise<Speaker[]> {
    const steps = this.speakerSteps(token);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  // Yields after every few documents it had to analyse.
  private *speakerSteps(token: CancellationToken): Generator<void, Speaker[]> {
    if (this.speakerCache?.generation === this.generation) return this.speakerCache.speakers;
    const generation = this.generation;
    const documents: { documentId: string; credited: CreditedQuote[] }[] = [];
    let analysed = 0;
    for (const documentId of this.corpus.documentIds) {
      const text = this.text(documentId);
      if (text === undefined) continue; // deleted while we paused
      const fingerprint = fingerprintOf(text);
      let hit = this.credits.get(documentId);
      if (!hit || hit.fingerprint !== fingerprint) {
        hit = { fingerprint, credited: creditedQuotes(analyzeArticle(text, token, this.options)) };
        this.credits.set(documentId, hit);
        if (++analysed % 8 === 0) yield;
      }
      documents.push({ documentId, credited: hit.credited });
    }
    const speakers = speakersOfCredited(documents);
    if (generation === this.generation) this.speakerCache = { generation, speakers };
    return speakers;
  }

  /**
   * A provisional report of this version: its analysis with the evidence of the article's last full report carried
   * over (no corpus work; see provisional.ts). Undefined when the last full report is of this very text (computed
   * already, or only the corpus changed since), or when there is no earlier report to carry evidence from (showing
   * findings without evidence first would only flicker).
   */
  provisionalReport(documentId: string, text: string, version: number, token: CancellationToken = noCancellation): ArticleReport | undefined {
    const last = this.reports.get(documentId);
    // The same text again (only the corpus changed): the client has these findings already.
    if (!last || (last.version === version && last.report.analysis.text === text)) return undefined;
    return provisionalReport(this.analyze(documentId, text, version, token), documentId, version, last.report);
  }

  /**
   * The last report of this version and text, if it was computed at corpus generation `since` or later, even if the
   * corpus changed after (its evidence is then that of the corpus as it was); never computes one.
   */
  lastReportSince(documentId: string, text: string, version: number, since: number): ArticleReport | undefined {
    const hit = this.reports.get(documentId);
    return hit && hit.version === version && hit.generation >= since && hit.report.analysis.text === text ? hit.report : undefined;
  }

  /** A report already computed for this version, without computing one. */
  cachedReport(documentId: string, version: number): ArticleReport | undefined {
    const hit = this.reports.get(documentId);
    return hit && hit.version === version && hit.generation === this.generation ? hit.report : undefined;
  }
}

/** Length and FNV-1a hash of a text: tells a changed text from the one the cached credits came from, without keeping it. */
function fingerprintOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}
