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
  text: string;
}

/**
 * The corpus as plain data, for the on-disk index cache and the indexing worker. This first-pass index keeps
 * only the documents; restoring re-indexes them (no file is read, but the index is rebuilt).
 */
export interface CorpusState {
  documents: string[];
  texts: Uint8Array[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The documents evidence is drawn from, indexed as passages for BM25 retrieval. */
export class Corpus {
  private readonly docs = new Map<string, Indexed>();
  private df = new Map<string, number>();
  private passageTotal = 0;
  private termTotal = 0;

  constructor(state?: CorpusState) {
    state?.documents.forEach((id, i) => this.set(id, decoder.decode(state.texts[i])));
  }

  /** A copy of the whole state as plain arrays. */
  state(): CorpusState {
    const ids = [...this.docs.keys()];
    return { documents: ids, texts: ids.map((id) => encoder.encode(this.docs.get(id)!.text)) };
  }

  /** Live documents. */
  get size(): number {
    return this.docs.size;
  }

  /** The index of a document (its position among documentIds), or -1. */
  documentIndex(documentId: string): number {
    return this.docs.has(documentId) ? [...this.docs.keys()].indexOf(documentId) : -1;
  }

  /** The text of document d. */
  text(d: number): string {
    const doc = [...this.docs.values()][d];
    if (!doc) throw new Error(`no document ${d}`);
    return doc.text;
  }

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
    this.docs.set(documentId, { passages, text });
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
