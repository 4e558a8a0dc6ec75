import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import type { Speaker } from '../core/speakers';
import { LineIndex } from '../core/text/lines';
import { plural } from './context';
import { clip, NAME_MAX } from './markdown';

/** Speakers across the corpus: "Sarah Sanders — 9 quotes in 5 documents", at their first quote; filtered by the query's letters in order. */
export function workspaceSymbols(speakers: readonly Speaker[], query: string, textOf: (documentId: string) => string | undefined): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const lines = new Map<string, LineIndex>();
  for (const s of speakers) {
    if (!matches(s.name, query)) continue;
    const first = s.quotes[0];
    const text = textOf(first.documentId);
    if (text === undefined) continue;
    let index = lines.get(first.documentId);
    if (!index) lines.set(first.documentId, (index = new LineIndex(text)));
    out.push({
      name: `${clip(s.name, NAME_MAX)} — ${plural(s.quotes.length, 'quote')} in ${plural(s.documents, 'document')}`,
      kind: SymbolKind.Class,
      location: { uri: first.documentId, range: { start: index.position(first.start), end: index.position(first.end) } },
    });
  }
  return out;
}

// The fuzzy match editors use for symbol search: the query's letters appear in the name in order.
function matches(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let at = 0;
  for (const c of query.toLowerCase().replace(/\s+/g, '')) {
    at = n.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
