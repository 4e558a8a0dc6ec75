// Scores the attribution engine against PolNeAR-style BRAT annotations:
//   npm run eval:attribution -- DIR [--limit N] [--errors FILE]
// DIR holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann. Every annotator's file is scored as a
// document of its own (an article annotated twice counts twice), and counts are summed over all files.
// A prediction matches a gold span of the same role when they overlap. Content token F1 is averaged
// over pairs whose cues overlap. The naive regex baseline is scored in the same run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../server/src/core/analyze';
import { segmentParagraphs, segmentSentences } from '../server/src/core/text/segment';
import type { Span } from '../server/src/core/types';
import { baselineAttributions } from './attribution-baseline';

type Spans = Span[];
interface Triple {
  cue: Spans;
  source: Spans | null;
  content: Spans | null;
}
interface Doc {
  name: string;
  text: string;
  gold: Triple[];
}

function readBrat(dir: string, limit: number): Doc[] {
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

const overlaps = (a: Spans, b: Spans) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

class Score {
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

function tokenF1(text: string, pred: Spans | null, gold: Spans | null): number {
  const p = wordOffsets(text, pred);
  const g = wordOffsets(text, gold);
  if (!p.size || !g.size) return 0;
  let both = 0;
  for (const x of p) if (g.has(x)) both++;
  return both ? (2 * both) / (p.size + g.size) : 0;
}

class Run {
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

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!dir) {
    console.error('usage: npm run eval:attribution -- DIR [--limit N] [--errors FILE]');
    process.exit(2);
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const errorsAt = args.indexOf('--errors');
  const errorsFile = errorsAt >= 0 ? args[errorsAt + 1] : null;
  const docs = readBrat(dir, limit);
  const engine = new Run();
  const baseline = new Run();
  const errors: string[] = [];
  let ms = 0;
  for (const doc of docs) {
    const t0 = performance.now();
    const analysis = analyzeArticle(doc.text);
    ms += performance.now() - t0;
    const one = (s: Span | null): Spans | null => (s ? [s] : null);
    // An attribution's reported words are its content and the floating quotes linked to it.
    // PolNeAR annotates only what the article attributes: never a cue inside another attribution's content.
    const pred: Triple[] = analysis.attributions.flatMap((a, i) => (a.within === null ? [{ a, i }] : [])).map(({ a, i }) => {
      const floating = analysis.quotes.filter((q) => q.attribution === i && !(a.content && a.content.start <= q.start && q.end <= a.content.end));
      const content = [...(a.content ? [a.content] : []), ...floating];
      return { cue: [a.cue], source: one(a.source), content: content.length ? content : null };
    });
    engine.add(doc.text, pred, doc.gold);
    const sentences = segmentSentences(doc.text, segmentParagraphs(doc.text));
    const naive = baselineAttributions(doc.text, sentences).map((a) => ({ cue: [a.cue], source: one(a.source), content: one(a.content) }));
    baseline.add(doc.text, naive, doc.gold);
    if (errorsFile) errors.push(...describeErrors(doc, pred));
  }
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  console.log(`${docs.length} annotation files (every annotator's file scored as a document) from ${dir}`);
  console.log([...engine.rows('engine'), ...baseline.rows('baseline')].join('\n'));
  console.log(`engine: ${ms.toFixed(0)} ms for ${words} words (${((words / ms) * 1000).toFixed(0)} words/s, first call loads the model)`);
  if (errorsFile) fs.writeFileSync(errorsFile, errors.join('\n'));
}

/** Lists misses and false alarms by cue, for reading while developing (on train, never on dev). */
function describeErrors(doc: Doc, pred: Triple[]): string[] {
  const show = (s: Spans | null) => (s ? s.map((x) => doc.text.slice(x.start, x.end)).join(' … ').replace(/\s+/g, ' ') : '∅');
  const out: string[] = [];
  for (const g of doc.gold) {
    const p = pred.find((x) => overlaps(x.cue, g.cue));
    if (!p) {
      const at = g.cue[0].start;
      const ctx = doc.text.slice(Math.max(0, at - 100), at + 60).replace(/\s+/g, ' ');
      out.push(`MISS\t${doc.name}\t[${show(g.cue)}]\tsrc=${show(g.source)}\tcontent=${show(g.content).slice(0, 80)}\t${ctx}`);
    }
    else {
      if (g.source && !(p.source && overlaps(p.source, g.source)))
        out.push(`SRC\t${doc.name}\t[${show(g.cue)}]\tgold=${show(g.source)}\tpred=${show(p.source)}`);
      if (g.content && tokenF1(doc.text, p.content, g.content) < 0.5)
        out.push(`CONTENT\t${doc.name}\t[${show(g.cue)}]\tgold=${show(g.content).slice(0, 150)}\tpred=${show(p.content).slice(0, 150)}`);
    }
  }
  for (const p of pred) {
    if (doc.gold.some((g) => overlaps(p.cue, g.cue))) {
      out.push(`HIT\t${doc.name}\t[${show(p.cue)}]`);
      continue;
    }
    const line = doc.text.lastIndexOf('\n', p.cue[0].start);
    const ctx = doc.text.slice(Math.max(line + 1, p.cue[0].start - 100), p.cue[0].end + 60).replace(/\s+/g, ' ');
    out.push(`FALSE\t${doc.name}\t[${show(p.cue)}]\tsrc=${show(p.source)}\t${ctx}`);
  }
  return out;
}

main();
