// Fits the learned cue tagger (server/src/core/attribution/cueModel.json) on PolNeAR's training articles:
//
//   npm run fit:cues -- [../shared/eval/polnear/train] [--misses]
//
// Every word that was ever part of a gold cue in training (and every word the rules take for a cue) is an
// example; it is positive when it lies inside a gold cue of that annotation file. The features are those of
// core/attribution/tagger.ts, computed on what the rules alone found. The weights are a sparse logistic
// regression (scripts/sparse-logistic.ts). The threshold at which a new cue is proposed (and the margin
// above it for words the rules have judged) is chosen on a fifth of the training articles held out from a first fit, by the mean of cue, source and
// content F1 of the whole engine there; the committed weights are then refitted on all training articles.
// Dev is never read. With --misses, prints the gold cues the rules alone miss on train, most frequent first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../server/src/core/analyze';
import type { Context, FoundAttribution } from '../server/src/core/attribution/context';
import { cueFeatures, FAMILIES, isCandidate, loadModel, ruleMarks, type CueModel } from '../server/src/core/attribution/tagger';
import { overlaps, predictedTriples, readBrat, Run, type Doc } from './polnear';
import { fitSparseLogistic } from './sparse-logistic';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'server/src/core/attribution/cueModel.json');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, '../shared/eval/polnear/train');
/** Words seen in gold cues at least this often, and in this share of their occurrences, are scored. */
const MIN_CUE_COUNT = 3;
const MIN_CUE_SHARE = 0.15;
/** Features seen in fewer examples are left out; so are weights smaller than PRUNE. */
const MIN_FEATURE_COUNT = 8;
const PRUNE = 0.1;

const docs = readBrat(dir, Infinity);
const heldOut = (d: Doc): boolean => hash(d.name.replace(/_[0-9a-f]{4}\.ann$/, '')) % 5 === 0;

/** Runs the rules alone on a document and hands each sentence to `visit`. */
function eachSentence(doc: Doc, visit: (ctx: Context, found: FoundAttribution[], first: number, s: number, e: number) => void): void {
  analyzeArticle(doc.text, undefined, { cueModel: null, onSentence: visit });
}

const inGold = (doc: Doc, start: number, end: number): boolean => doc.gold.some((g) => overlaps(g.cue, [{ start, end }]));

if (args.includes('--misses')) {
  printMisses();
  process.exit(0);
}

// Pass 1: the words of gold cues.
const cueWords = new Map<string, number>();
const allWords = new Map<string, number>();
const count = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1);
for (const doc of docs) eachSentence(doc, (ctx, _found, _first, s, e) => {
  for (let k = s; k < e; k++) {
    const t = ctx.tokens[k];
    count(allWords, t.lemma);
    if (t.lower !== t.lemma) count(allWords, t.lower);
    if (!inGold(doc, t.start, t.end)) continue;
    count(cueWords, t.lemma);
    if (t.lower !== t.lemma) count(cueWords, t.lower);
  }
});
const words = [...cueWords].filter(([w, n]) => n >= MIN_CUE_COUNT && n / allWords.get(w)! >= MIN_CUE_SHARE).map(([w]) => w).sort();
const scoring = loadModel({ bias: 0, propose: 0, margin: 0, words, weights: {} });

// Pass 2: the examples, as feature ids.
const ids = new Map<string, number>();
interface Example {
  features: Int32Array;
  label: boolean;
  held: boolean;
}
const examples: Example[] = [];
const values: string[] = [];
for (const doc of docs) {
  const held = heldOut(doc);
  eachSentence(doc, (ctx, found, first, s, e) => {
    const marks = ruleMarks(ctx, found, first, s, e);
    for (let k = s; k < e; k++) {
      if (!isCandidate(scoring, ctx, k, marks[k - s])) continue;
      const f: number[] = [];
      cueFeatures(ctx, k, s, e, marks, values);
      FAMILIES.forEach((family, i) => {
        // The name keeps the family, the values and the arity apart: "l|w+1\u0000call\u0000for".
        const name = `${family}\u0000${values[2 * i]}\u0000${values[2 * i + 1]}`;
        let id = ids.get(name);
        if (id === undefined) ids.set(name, (id = ids.size));
        f.push(id);
      });
      examples.push({ features: Int32Array.from(f), label: inGold(doc, ctx.tokens[k].start, ctx.tokens[k].end), held });
    }
  });
}
// Rare features are left out: they would only memorise single sentences and swell the model.
const seen = new Int32Array(ids.size);
for (const x of examples) if (!x.held) for (const f of x.features) seen[f]++;
const names = [...ids.keys()];
for (const x of examples) x.features = x.features.filter((f) => seen[f] >= MIN_FEATURE_COUNT);
console.log(`${docs.length} annotation files, ${words.length} cue words, ${examples.length} examples (${examples.filter((x) => x.label).length} in cues), ${names.length} features`);

function toModel(fit: { weights: Float64Array; bias: number }, propose: number, margin: number): CueModel {
  const weights: CueModel['weights'] = {};
  fit.weights.forEach((w, i) => {
    if (Math.abs(w) < PRUNE || seen[i] < MIN_FEATURE_COUNT) return;
    const [family, a, b] = names[i].split('\u0000');
    const rounded = Math.round(w * 100) / 100;
    const values = (weights[family] ??= {});
    if (b === '') values[a] = rounded;
    else ((values[a] ??= {}) as Record<string, number>)[b] = rounded;
  });
  return { bias: Math.round(fit.bias * 100) / 100, propose, margin, words, weights };
}

// Thresholds on the held-out fifth, from weights fitted on the rest.
const first = fitSparseLogistic(examples.filter((x) => !x.held), names.length);
const held = docs.filter(heldOut);
const rulesAlone = new Run();
for (const doc of held) rulesAlone.add(doc.text, predictedTriples(analyzeArticle(doc.text, undefined, { cueModel: null })), doc.gold);
console.log(`rules alone: cue F1 ${(100 * rulesAlone.cue.f).toFixed(1)} (P ${(100 * rulesAlone.cue.p).toFixed(1)} R ${(100 * rulesAlone.cue.r).toFixed(1)}) source ${(100 * rulesAlone.source.f).toFixed(1)} content ${(100 * rulesAlone.content.f).toFixed(1)}`);
let best = { propose: 0, margin: 0, score: -1 };
// A word the rules judged needs at least one more unit of log-odds: their decisions are deliberate (the unit tests pin them).
for (const propose of [-1, -0.5, 0, 0.5]) {
  for (const margin of [1, 2]) {
    const model = loadModel(toModel(first, propose, margin));
    const run = new Run();
    for (const doc of held) run.add(doc.text, predictedTriples(analyzeArticle(doc.text, undefined, { cueModel: model })), doc.gold);
    const score = (run.cue.f + run.source.f + run.content.f) / 3;
    console.log(`propose ${propose} margin ${margin}: cue F1 ${(100 * run.cue.f).toFixed(1)} (P ${(100 * run.cue.p).toFixed(1)} R ${(100 * run.cue.r).toFixed(1)}) source ${(100 * run.source.f).toFixed(1)} content ${(100 * run.content.f).toFixed(1)}`);
    if (score > best.score) best = { propose, margin, score };
  }
}
console.log(`chosen: propose ${best.propose}, margin ${best.margin}`);
const model = toModel(fitSparseLogistic(examples, names.length), best.propose, best.margin);
fs.writeFileSync(OUT, JSON.stringify(model) + '\n');
console.log(`wrote ${path.relative(ROOT, OUT)}: ${JSON.stringify(model.weights).split(':').length - 1} weights, ${(fs.statSync(OUT).size / 1024).toFixed(0)} KB`);

/** The gold cues the rules alone miss, by their words, most frequent first. */
function printMisses(): void {
  const missed = new Map<string, number>();
  for (const doc of docs) {
    const pred = predictedTriples(analyzeArticle(doc.text, undefined, { cueModel: null }));
    for (const g of doc.gold) {
      if (pred.some((p) => overlaps(p.cue, g.cue))) continue;
      const key = g.cue.map((c) => doc.text.slice(c.start, c.end)).join(' … ').toLowerCase().replace(/\s+/g, ' ');
      missed.set(key, (missed.get(key) ?? 0) + 1);
    }
  }
  const rows = [...missed].sort((a, b) => b[1] - a[1]);
  console.log(`${rows.reduce((n, [, c]) => n + c, 0)} gold cues missed by the rules alone`);
  for (const [key, n] of rows.slice(0, 150)) console.log(`${String(n).padStart(5)}  ${key}`);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
