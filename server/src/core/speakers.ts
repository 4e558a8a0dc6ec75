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

/** A quote of a document credited to someone by name: all a speaker list needs to keep of an analysis. */
export interface CreditedQuote {
  name: string;
  start: number;
  end: number;
  text: string;
}

/** The attributed quotes of an analysis (scare quotes and those credited to nobody left out), with their speaker. */
export function creditedQuotes(analysis: ArticleAnalysis): CreditedQuote[] {
  const out: CreditedQuote[] = [];
  for (const q of analysis.quotes) {
    if (q.kind === 'scare' || q.attribution === null) continue;
    const name = speakerName(analysis.attributions[q.attribution]);
    if (name) out.push({ name, start: q.start, end: q.end, text: q.text });
  }
  return out;
}

/** Groups the attributed quotes (scare quotes left out) of analysed documents by speaker, most quoted first. */
export function speakersOf(documents: Iterable<{ documentId: string; analysis: ArticleAnalysis }>): Speaker[] {
  return speakersOfCredited([...documents].map(({ documentId, analysis }) => ({ documentId, credited: creditedQuotes(analysis) })));
}

/** speakersOf, from each document's credited quotes. */
export function speakersOfCredited(documents: Iterable<{ documentId: string; credited: readonly CreditedQuote[] }>): Speaker[] {
  const byName = new Map<string, { name: string; quotes: SpeakerQuote[] }>();
  for (const { documentId, credited } of documents) {
    for (const { name, start, end, text } of credited) {
      const key = name.toLowerCase();
      const entry = byName.get(key) ?? { name, quotes: [] };
      entry.quotes.push({ documentId, start, end, text });
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
