// Scores the attribution engine against PolNeAR-style BRAT annotations:
//   npm run eval:attribution -- DIR [--limit N] [--errors FILE]
// DIR holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann. Every annotator's file is scored as a
// document of its own (an article annotated twice counts twice), and counts are summed over all files.
// A prediction matches a gold span of the same role when they overlap. Content token F1 is averaged
// over pairs whose cues overlap. The naive regex baseline is scored in the same run.
import * as fs from 'node:fs';
import { analyzeArticle } from '../server/src/core/analyze';
import { segmentParagraphs, segmentSentences } from '../server/src/core/text/segment';
import type { Span } from '../server/src/core/types';
import { baselineAttributions } from './attribution-baseline';
import { overlaps, predictedTriples, readBrat, Run, tokenF1, type Doc, type Spans, type Triple } from './polnear';

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
    const pred = predictedTriples(analysis);
    engine.add(doc.text, pred, doc.gold);
    const sentences = segmentSentences(doc.text, segmentParagraphs(doc.text));
    const naive = baselineAttributions(doc.text, sentences).map((a) => ({ cue: [a.cue], source: one(a.source), content: one(a.content) }));
    baseline.add(doc.text, naive, doc.gold);
    if (errorsFile) errors.push(...describeErrors(doc, pred));
  }
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  const { humans, articles } = annotatorAgreement(docs);
  console.log(`${docs.length} annotation files (every annotator's file scored as a document) from ${dir}`);
  console.log([...engine.rows('engine'), ...baseline.rows('baseline'), ...humans.rows('humans')].join('\n'));
  console.log(`humans: each annotator's file scored against another's for the same article (${articles} articles annotated more than once): how far people agree`);
  console.log(`engine: ${ms.toFixed(0)} ms for ${words} words (${((words / ms) * 1000).toFixed(0)} words/s, first call loads the model)`);
  if (errorsFile) fs.writeFileSync(errorsFile, errors.join('\n'));
}

/** Every annotator's triples scored as predictions against every other annotator's, on articles annotated more than once. */
function annotatorAgreement(docs: Doc[]): { humans: Run; articles: number } {
  const byArticle = new Map<string, Doc[]>();
  for (const d of docs) {
    const article = d.name.replace(/_[0-9a-f]{4}\.ann$/, '');
    byArticle.set(article, [...(byArticle.get(article) ?? []), d]);
  }
  const humans = new Run();
  let articles = 0;
  for (const files of byArticle.values()) {
    if (files.length < 2) continue;
    articles++;
    for (const a of files) for (const b of files) if (a !== b) humans.add(a.text, a.gold, b.gold);
  }
  return { humans, articles };
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
        out.push(`SRC\t${doc.name}\t[${show(g.cue)}]\tgold=${show(g.source)}\tpred=${show(p.source)}\t${doc.text.slice(Math.max(0, g.cue[0].start - 120), g.cue[0].end + 80).replace(/\s+/g, ' ')}`);
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
