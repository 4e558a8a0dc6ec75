import type { ArticleAnalysis, Attribution } from './types';

/** A quote credited to a speaker, located in its document by offsets. */
export interface SpeakerQuote {
  documentId: string;
  start: number;
  end: number;
  text: string;
}

/** Someone quoted in the corpus, with every quote credited to them. */
export interface Speaker {
  name: string;
  quotes: SpeakerQuote[];
  /** How many documents quote them. */
  documents: number;
}

const PRONOUN = /^(he|she|they|it|we|i)$/i;

/** The name a quote is credited to: the resolved speaker, else the source as written; null for a bare pronoun. */
export function speakerName(attribution: Attribution | undefined): string | null {
  if (!attribution) return null;
  const name = (attribution.speaker ?? attribution.source?.text ?? '').trim();
  return name && !PRONOUN.test(name) ? name : null;
}

/** Groups the attributed quotes (scare quotes left out) of analysed documents by speaker, most quoted first. */
export function speakersOf(documents: Iterable<{ documentId: string; analysis: ArticleAnalysis }>): Speaker[] {
  const byName = new Map<string, { name: string; quotes: SpeakerQuote[] }>();
  for (const { documentId, analysis } of documents) {
    for (const q of analysis.quotes) {
      if (q.kind === 'scare' || q.attribution === null) continue;
      const name = speakerName(analysis.attributions[q.attribution]);
      if (!name) continue;
      const key = name.toLowerCase();
      const entry = byName.get(key) ?? { name, quotes: [] };
      entry.quotes.push({ documentId, start: q.start, end: q.end, text: q.text });
      byName.set(key, entry);
    }
  }
  mergeSurnames(byName);
  return [...byName.values()]
    .map(({ name, quotes }) => ({ name, quotes, documents: new Set(quotes.map((q) => q.documentId)).size }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}

// "Sanders" in one article is "Sarah Sanders" in another when exactly one full name ends with that word.
function mergeSurnames(byName: Map<string, { name: string; quotes: SpeakerQuote[] }>): void {
  for (const [key, entry] of byName) {
    if (/\s/.test(key)) continue;
    const fuller = [...byName.keys()].filter((k) => k !== key && k.split(/\s+/).at(-1) === key);
    if (fuller.length !== 1) continue;
    byName.get(fuller[0])!.quotes.push(...entry.quotes);
    byName.delete(key);
  }
}
