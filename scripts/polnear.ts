// PolNeAR's BRAT annotations and the overlap scores of attribution spans, shared by the evaluation
// (scripts/eval-attribution.ts) and the cue tagger's fitting (scripts/fit-cues.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleAnalysis, Span } from '../server/src/core/types';

export type Spans = Span[];
export interface Triple {
  cue: Spans;
  source: Spans | null;
  content: Spans | null;
}
export interface Doc {
  name: string;
  text: string;
  gold: Triple[];
}

export function readBrat(dir: string, limit: number): Doc[] {
  const files = fs.readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const docs: Doc[] = [];
  for (const f of files.slice(0, limit)) {
    const article = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    const text = fs.readFileSync(path.join(dir, 'text', `${article}.txt`), 'utf8');
    const spans = new Map<string, { label: string; spans: Spans }>();
    const events: Record<string, string>[] = [];
    for (const line of fs.readFileSync(path.join(dir, 'attributions', f), 'utf8').split('\n')) {
      const t = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
      if (t) {
        const parts = t[3].split(';').map((p) => p.trim().split(' ').map(Number));
        spans.set(t[1], { label: t[2], spans: parts.map(([start, end]) => ({ start, end })) });
        continue;
      }
      const e = /^E\d+\t(.*)$/.exec(line);
      if (e) events.push(Object.fromEntries(e[1].trim().split(/\s+/).map((r) => r.split(':') as [string, string])));
    }
    const gold: Triple[] = [];
    for (const ev of events) {
      const role = (name: string) => {
        const key = Object.keys(ev).find((k) => k.replace(/\d+$/, '') === name);
        return key ? (spans.get(ev[key])?.spans ?? null) : null;
      };
      const cue = role('Cue');
      if (cue) gold.push({ cue, source: role('Source'), content: role('Content') });
    }
    docs.push({ name: f, text, gold });
  }
  return docs;
}

export const overlaps = (a: Spans, b: Spans) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

export class Score {
  predicted = 0;
  gold = 0;
  matchedPredicted = 0;
  matchedGold = 0;
  add(pred: Spans[], gold: Spans[]): void {
    this.predicted += pred.length;
    this.gold += gold.length;
    this.matchedPredicted += pred.filter((p) => gold.some((g) => overlaps(p, g))).length;
    this.matchedGold += gold.filter((g) => pred.some((p) => overlaps(p, g))).length;
  }
  get p() {
    return this.predicted ? this.matchedPredicted / this.predicted : 0;
  }
  get r() {
    return this.gold ? this.matchedGold / this.gold : 0;
  }
  get f() {
    return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0;
  }
}

function wordOffsets(text: string, spans: Spans | null): Set<number> {
  const out = new Set<number>();
  for (const s of spans ?? []) {
    const re = /[\p{L}\p{N}]+/gu;
    re.lastIndex = s.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && m.index < s.end) out.add(m.index);
  }
  return out;
}

export function tokenF1(text: string, pred: Spans | null, gold: Spans | null): number {
  const p = wordOffsets(text, pred);
  const g = wordOffsets(text, gold);
  if (!p.size || !g.size) return 0;
  let both = 0;
  for (const x of p) if (g.has(x)) both++;
  return both ? (2 * both) / (p.size + g.size) : 0;
}

export class Run {
  cue = new Score();
  source = new Score();
  content = new Score();
  pairs = 0;
  contentF1 = 0;
  add(text: string, pred: Triple[], gold: Triple[]): void {
    this.cue.add(pred.map((t) => t.cue), gold.map((t) => t.cue));
    this.source.add(pred.flatMap((t) => (t.source ? [t.source] : [])), gold.flatMap((t) => (t.source ? [t.source] : [])));
    this.content.add(pred.flatMap((t) => (t.content ? [t.content] : [])), gold.flatMap((t) => (t.content ? [t.content] : [])));
    const used = new Set<number>();
    for (const p of pred) {
      const gi = gold.findIndex((g, i) => !used.has(i) && overlaps(p.cue, g.cue));
      if (gi < 0 || !gold[gi].content) continue;
      used.add(gi);
      this.pairs++;
      this.contentF1 += tokenF1(text, p.content, gold[gi].content);
    }
  }
  rows(label: string): string[] {
    const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
    const row = (role: string, s: Score) =>
      `${label.padEnd(10)} ${role.padEnd(8)} P ${pct(s.p)}  R ${pct(s.r)}  F1 ${pct(s.f)}   (${s.matchedPredicted}/${s.predicted} predicted, ${s.matchedGold}/${s.gold} gold)`;
    return [
      row('cue', this.cue),
      row('source', this.source),
      row('content', this.content),
      `${label.padEnd(10)} content token F1 ${pct(this.pairs ? this.contentF1 / this.pairs : 0)} over ${this.pairs} cue-matched pairs`,
    ];
  }
}

/** The attributions the article itself makes, as triples: PolNeAR never annotates a cue inside another attribution's content. */
export function predictedTriples(analysis: ArticleAnalysis): Triple[] {
  const one = (s: Span | null): Spans | null => (s ? [s] : null);
  // An attribution's reported words are its content and the floating quotes linked to it.
  return analysis.attributions.flatMap((a, i) => (a.within === null ? [{ a, i }] : [])).map(({ a, i }) => {
    const floating = analysis.quotes.filter((q) => q.attribution === i && !(a.content && a.content.start <= q.start && q.end <= a.content.end));
    const content = [...(a.content ? [a.content] : []), ...floating];
    return { cue: [a.cue], source: one(a.source), content: content.length ? content : null };
  });
}
