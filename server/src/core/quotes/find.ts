import type { Paragraph, Quote } from '../types';

const OPEN = '“';
const CLOSE = '”';

/** Finds double-quoted spans inside each paragraph (curly or straight); an unclosed mark never runs past its paragraph. */
export function findQuotes(text: string, paragraphs: Paragraph[]): Quote[] {
  const quotes: Quote[] = [];
  for (const p of paragraphs) {
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      const c = text[i];
      if (c === OPEN || (c === '"' && open < 0)) {
        open = i;
      } else if ((c === CLOSE || c === '"') && open >= 0) {
        quotes.push(makeQuote(text, open, i + 1));
        open = -1;
      }
    }
  }
  return quotes;
}

function makeQuote(text: string, start: number, end: number): Quote {
  const inner = text.slice(start + 1, end - 1);
  const words = inner.trim().split(/\s+/).length;
  const kind = words <= 2 ? 'scare' : /^[A-Z]/.test(inner.trim()) && words >= 5 ? 'direct' : 'partial';
  return { start, end, text: text.slice(start, end), kind, attribution: null };
}
