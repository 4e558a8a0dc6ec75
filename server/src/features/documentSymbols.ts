import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { speakerName } from '../core/speakers';
import { documentsOf, plural, rangeOf, type FeatureContext } from './context';
import { clip, NAME_MAX } from './markdown';

const UNATTRIBUTED = 'Unattributed';

/** The outline: one entry per speaker (in order of first quote), their quotes under it; scare quotes left out. */
export function documentSymbols(ctx: FeatureContext, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const { report, lines } = ctx;
  const groups = new Map<string, DocumentSymbol[]>();
  for (const { quote, evidence } of report.quotes) {
    if (quote.kind === 'scare') continue;
    const who = clip(speakerName(quote.attribution !== null ? report.analysis.attributions[quote.attribution] : undefined) ?? UNATTRIBUTED, NAME_MAX);
    const range = rangeOf(lines, quote.start, quote.end);
    const n = documentsOf(evidence).length;
    const symbol: DocumentSymbol = {
      name: clip(quote.text, 80),
      detail: `${quote.kind} · ${n === 0 ? 'no other source' : plural(n, 'source')}`,
      kind: SymbolKind.String,
      range,
      selectionRange: range,
    };
    const list = groups.get(who) ?? [];
    list.push(symbol);
    groups.set(who, list);
  }
  if (!hierarchical) {
    return [...groups].flatMap(([who, quotes]) => quotes.map((q): SymbolInformation => ({ name: q.name, kind: q.kind, containerName: who, location: { uri: ctx.uri, range: q.range } })));
  }
  return [...groups].map(([who, quotes]) => ({
    name: who,
    detail: plural(quotes.length, 'quote'),
    kind: who === UNATTRIBUTED ? SymbolKind.Namespace : SymbolKind.Class,
    range: { start: quotes[0].range.start, end: quotes[quotes.length - 1].range.end },
    selectionRange: quotes[0].selectionRange,
    children: quotes,
  }));
}
