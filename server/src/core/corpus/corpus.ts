import { segmentParagraphs, segmentSentences } from '../text/segment';
import { LineIndex } from '../text/lines';
import { contentWords } from './terms';

/** A sentence of a corpus document, the unit evidence is drawn from. */
export interface Passage {
  documentId: string;
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  text: string;
  terms: string[];
}

interface Indexed {
  passages: Passage[];
}

/** The documents evidence is drawn from, indexed as passages for BM25 retrieval. */
export class Corpus {
  private readonly docs = new Map<string, Indexed>();
  private df = new Map<string, number>();
  private passageTotal = 0;
  private termTotal = 0;

  /** Adds or replaces a document. */
  set(documentId: string, text: string): void {
    this.delete(documentId);
    const lines = new LineIndex(text);
    const sentences = segmentSentences(text, segmentParagraphs(text));
    const passages = sentences.map((s) => {
      const body = text.slice(s.start, s.end);
      const from = lines.position(s.start);
      const to = lines.position(s.end);
      return {
        documentId,
        start: s.start,
        end: s.end,
        line: from.line,
        character: from.character,
        endLine: to.line,
        endCharacter: to.character,
        text: body,
        terms: contentWords(body),
      };
    });
    for (const p of passages) {
      for (const t of new Set(p.terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.termTotal += p.terms.length;
    }
    this.passageTotal += passages.length;
    this.docs.set(documentId, { passages });
  }

  delete(documentId: string): void {
    const old = this.docs.get(documentId);
    if (!old) return;
    for (const p of old.passages) {
      for (const t of new Set(p.terms)) {
        const n = (this.df.get(t) ?? 0) - 1;
        if (n > 0) this.df.set(t, n);
        else this.df.delete(t);
      }
      this.termTotal -= p.terms.length;
    }
    this.passageTotal -= old.passages.length;
    this.docs.delete(documentId);
  }

  has(documentId: string): boolean {
    return this.docs.has(documentId);
  }

  get documentIds(): string[] {
    return [...this.docs.keys()];
  }

  passages(documentId: string): readonly Passage[] {
    return this.docs.get(documentId)?.passages ?? [];
  }

  /** BM25 over passages, best first; `exclude` keeps a document from being evidence for itself. */
  search(query: string, options: { exclude?: string; limit?: number } = {}): { passage: Passage; score: number }[] {
    const q = [...new Set(contentWords(query))];
    if (q.length === 0) return [];
    const avg = this.termTotal / Math.max(1, this.passageTotal);
    const k1 = 1.2;
    const b = 0.75;
    const hits: { passage: Passage; score: number }[] = [];
    for (const [id, doc] of this.docs) {
      if (id === options.exclude) continue;
      for (const p of doc.passages) {
        let score = 0;
        for (const t of q) {
          let tf = 0;
          for (const x of p.terms) if (x === t) tf++;
          if (tf === 0) continue;
          const df = this.df.get(t) ?? 0;
          const idf = Math.log(1 + (this.passageTotal - df + 0.5) / (df + 0.5));
          score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * p.terms.length) / avg));
        }
        if (score > 0) hits.push({ passage: p, score });
      }
    }
    hits.sort((x, y) => y.score - x.score);
    return hits.slice(0, options.limit ?? 20);
  }
}
