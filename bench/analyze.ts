// Benchmark of the article analysis (segmentation, tokens, quotes, attributions, speakers, claims) and
// of the light corpus segmentation. Run: npm run bench:analyze [-- --rounds N]
// Reports time per stage for a ~2,000-word article (the five seeds joined) and corpus throughput.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../server/src/core/analyze';
import { extractAttributions } from '../server/src/core/attribution/extract';
import { resolveSpeakers } from '../server/src/core/attribution/speakers';
import { findQuotes } from '../server/src/core/quotes/find';
import { segmentParagraphs, segmentSentences } from '../server/src/core/text/segment';
import { tokenize } from '../server/src/core/text/tokens';

const ROOT = path.resolve(__dirname, '..');
const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const article = seeds.map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')).join('\n\n');
const words = article.split(/\s+/).filter(Boolean).length;
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 200;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall-clock and CPU milliseconds per call: on a shared machine the CPU time is the steadier figure. */
function time(fn: () => void): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 20; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const t0 = performance.now();
analyzeArticle('Warm-up. “Hello,” she said.');
const firstCall = performance.now() - t0;

const paragraphs = segmentParagraphs(article);
const sentences = segmentSentences(article, paragraphs);
const quotes = findQuotes(article, paragraphs, sentences);
const tokens = tokenize(article, sentences);
const stages: [string, () => void][] = [
  ['segment (paragraphs + sentences)', () => segmentSentences(article, segmentParagraphs(article))],
  ['quotes', () => findQuotes(article, paragraphs, sentences)],
  ['tokens (wink-nlp: POS + lemma)', () => tokenize(article, sentences)],
  ['attributions', () => extractAttributions(article, sentences, tokens, quotes)],
  ['attributions, rules alone (no tagger)', () => extractAttributions(article, sentences, tokens, quotes, { cueModel: null })],
  ['speakers', () => resolveSpeakers(tokens, extractAttributions(article, sentences, tokens, quotes), quotes)],
  ['whole analyzeArticle', () => analyzeArticle(article)],
  ['whole, rules alone (no cue tagger)', () => analyzeArticle(article, undefined, { cueModel: null })],
];

console.log(`article: ${words} words, ${article.length} chars, ${tokens.length} tokens; ${rounds} rounds after warm-up`);
console.log(`first call (loads the wink model): ${firstCall.toFixed(1)} ms`);
for (const [name, fn] of stages) {
  const { wall, cpu } = time(fn);
  const p95 = [...wall].sort((a, b) => a - b)[Math.floor(wall.length * 0.95)];
  console.log(`${name.padEnd(38)} wall median ${median(wall).toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms   cpu median ${median(cpu).toFixed(2).padStart(6)} ms`);
}

// Corpus text goes through the light segmentation only: report its throughput.
const corpus = article.repeat(Math.ceil(5_000_000 / article.length));
const c0 = performance.now();
const n = segmentSentences(corpus, segmentParagraphs(corpus)).length;
const cms = performance.now() - c0;
console.log(`corpus segmentation: ${(corpus.length / 1e6).toFixed(1)} MB in ${cms.toFixed(0)} ms = ${(corpus.length / 1e6 / (cms / 1000)).toFixed(1)} MB/s (${n} sentences)`);
