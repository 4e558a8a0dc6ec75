import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { FeatureContext } from './context';

/** speaker: who a statement is credited to; cue: the verb or phrase that credits it; quote: text in quotation marks. */
export const TOKEN_TYPES = ['speaker', 'cue', 'quote'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

type TokenType = (typeof TOKEN_TYPES)[number];
interface Paint {
  start: number;
  end: number;
  type: TokenType;
}

/** Speakers, cues and quoted text as semantic tokens, so plain text files are highlighted too. */
export function semanticTokens(ctx: FeatureContext): SemanticTokens {
  const { analysis } = ctx.report;
  const under: Paint[] = analysis.quotes.map((q) => ({ start: q.start, end: q.end, type: 'quote' }));
  const over: Paint[] = analysis.attributions.flatMap((a) => [
    // The naming words of the source ("Sarah Sanders" in "White House spokeswoman Sarah Sanders"), else the whole source.
    ...((a.name ?? a.source) ? [{ start: (a.name ?? a.source)!.start, end: (a.name ?? a.source)!.end, type: 'speaker' as const }] : []),
    { start: a.cue.start, end: a.cue.end, type: 'cue' as const },
  ]);
  const builder = new SemanticTokensBuilder();
  for (const t of flatten(under, over)) {
    // Tokens may not span lines: a quote broken over lines becomes one token per line.
    let at = t.start;
    while (at < t.end) {
      const { line, character } = ctx.lines.position(at);
      const end = Math.min(t.end, ctx.lines.offset(line + 1, 0));
      const visible = ctx.report.analysis.text.slice(at, end).replace(/[\r\n]+$/, '').length;
      if (visible > 0) builder.push(line, character, visible, TOKEN_TYPES.indexOf(t.type), 0);
      if (end <= at) break;
      at = end;
    }
  }
  return builder.build();
}

// Non-overlapping tokens in text order: speakers and cues cut holes in the quotes they overlap.
function flatten(under: Paint[], over: Paint[]): Paint[] {
  const top = dedupe(over);
  const out: Paint[] = [...top];
  for (const q of under) {
    let at = q.start;
    for (const o of top) {
      if (o.end <= at || o.start >= q.end) continue;
      if (o.start > at) out.push({ start: at, end: o.start, type: q.type });
      at = Math.max(at, o.end);
    }
    if (at < q.end) out.push({ start: at, end: q.end, type: q.type });
  }
  return out.sort((a, b) => a.start - b.start);
}

// Overlapping speakers/cues (rare) keep the earlier one.
function dedupe(paints: Paint[]): Paint[] {
  const sorted = [...paints].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Paint[] = [];
  for (const p of sorted) if (!out.length || p.start >= out[out.length - 1].end) out.push(p);
  return out;
}
