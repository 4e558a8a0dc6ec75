// Benchmark of the corroboration engine: indexing throughput, memory, evidence latency, incremental updates,
// at several corpus sizes, and our passage index against MiniSearch on the same corpus in the same run.
//
//   npm run bench:corroborate                         # 1k and 10k articles, MiniSearch at 10k
//   npm run bench:corroborate -- --scales=1000,10000,50000 --minisearch=10000
//   npm run bench:corroborate -- --minisearch=0       # skip the MiniSearch comparison
//
// Corpora are built from real news text (/work/shared/eval/polnear/train/text, or --source=DIR): every synthetic
// article takes its sentences from two or three source articles, shuffled, so no two documents are the same.
// Memory is measured as heap + array buffers after a forced GC (run with node --expose-gc; the npm script does).
import * as fs from 'node:fs';
import * as path from 'node:path';
import MiniSearch from 'minisearch';
import { analyzeArticle } from '../server/src/core/analyze';
import { prng } from './corpora';
import { Corpus } from '../server/src/core/corpus/corpus';
import { splitPassages } from '../server/src/core/corpus/passages';
import { corroborate } from '../server/src/core/corroborate/evidence';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SOURCE = args.get('source') ?? '/work/shared/eval/polnear/train/text';
const SCALES = (args.get('scales') ?? '1000,10000').split(',').map(Number);
const MINISEARCH_AT = Number(args.get('minisearch') ?? 10000);
const ARTICLE_WORDS = 2000;
// As bench/run.ts: 15 runs, the median reported and the first (JIT still warming up) separately; 5 left the median
// at the mercy of warm-up and of other jobs on a shared machine.
const QUERY_RUNS = 15;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('(run with node --expose-gc for memory numbers)');

function memory(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const MB = 1024 * 1024;
const fmtMB = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Sentences of each source article. */
function sourceSentences(): string[][] {
  const files = fs.readdirSync(SOURCE).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => {
    const text = fs.readFileSync(path.join(SOURCE, f), 'utf8');
    return splitPassages(text)
      .passages.filter((p) => p.kind === 'sentence')
      .map((p) => text.slice(p.start, p.end).replace(/\s+/g, ' '));
  });
}

/** `n` articles of about `bytes` characters, each mixing the shuffled sentences of 2–3 source articles. */
function buildCorpus(sources: string[][], n: number, bytes = 4600, seed = 1): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool: string[] = [];
    const k = 2 + Math.floor(rnd() * 2);
    for (let j = 0; j < k; j++) pool.push(...sources[Math.floor(rnd() * sources.length)]);
    const paragraphs: string[] = [];
    let size = 0;
    while (size < bytes && pool.length > 0) {
      const m = 1 + Math.floor(rnd() * 3);
      const para: string[] = [];
      for (let s = 0; s < m && pool.length > 0; s++) para.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
      const p = para.join(' ');
      paragraphs.push(p);
      size += p.length + 2;
    }
    out.push(paragraphs.join('\n\n'));
  }
  return out;
}

/** A ~2,000-word article: half its sentences from corpus articles (so evidence exists), half from elsewhere. */
function buildArticle(corpus: string[], sources: string[][], seed = 7): string {
  const rnd = prng(seed);
  const sentences: string[] = [];
  let words = 0;
  while (words < ARTICLE_WORDS) {
    let s: string;
    if (rnd() < 0.5) {
      const doc = corpus[Math.floor(rnd() * corpus.length)];
      const ss = splitPassages(doc).passages.filter((p) => p.kind === 'sentence');
      const p = ss[Math.floor(rnd() * ss.length)];
      s = doc.slice(p.start, p.end);
    } else {
      const src = sources[Math.floor(rnd() * sources.length)];
      s = src[Math.floor(rnd() * src.length)];
    }
    sentences.push(s);
    words += s.split(/\s+/).length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  return paragraphs.join('\n\n');
}

// CPU time (user + system) since `from`, in ms: steadier than wall time on a shared machine.
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Row {
  articles: number;
  mb: number;
  passages: number;
  indexSeconds: number;
  indexCpuSeconds: number;
  memory: number;
  evidenceMs: number;
  evidenceCpuMs: number;
  firstEvidenceMs: number;
  analysisMs: number;
  findings: number;
  updateMs: number;
}

function benchOurs(docs: string[], article: string): Row {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const before = memory();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let corpus: Corpus | null = new Corpus();
  for (let i = 0; i < docs.length; i++) corpus.set(`doc${i}.txt`, docs[i]);
  const indexSeconds = (performance.now() - t0) / 1000;
  const indexCpuSeconds = cpuMs(c0) / 1000;
  const used = memory() - before;
  const ta = performance.now();
  const analysis = analyzeArticle(article);
  const analysisMs = performance.now() - ta;
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let r = 0; r < QUERY_RUNS; r++) {
    const tq = performance.now();
    const cq = process.cpuUsage();
    const { quotes, claims } = corroborate(analysis, 'article.txt', corpus);
    times.push(performance.now() - tq);
    cpu.push(cpuMs(cq));
    findings = quotes.length + claims.length;
  }
  // Replacing one document (an edit) and deleting one: the index is incremental.
  const tu = performance.now();
  for (let i = 0; i < 20; i++) corpus.set(`doc${i}.txt`, docs[docs.length - 1 - i]);
  const updateMs = (performance.now() - tu) / 20;
  const row = {
    articles: docs.length,
    mb: bytes / MB,
    passages: corpus.passageTotal,
    indexSeconds,
    indexCpuSeconds,
    memory: used,
    evidenceMs: median(times),
    evidenceCpuMs: median(cpu),
    firstEvidenceMs: times[0],
    analysisMs,
    findings,
    updateMs,
  };
  corpus = null;
  return row;
}

function benchMiniSearch(docs: string[]): { indexSeconds: number; indexCpuSeconds: number; memory: number; passages: number; queryMs: number } {
  const before = memory();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let ms: MiniSearch | null = new MiniSearch({ fields: ['text'], storeFields: [] });
  let id = 0;
  for (const doc of docs) {
    const batch = splitPassages(doc).passages.map((p) => ({ id: id++, text: doc.slice(p.start, p.end) }));
    ms.addAll(batch);
  }
  const indexSeconds = (performance.now() - t0) / 1000;
  const indexCpuSeconds = cpuMs(c0) / 1000;
  const used = memory() - before;
  const tq = performance.now();
  for (let i = 0; i < 3; i++) ms.search(docs[i % docs.length].slice(0, 200));
  const queryMs = (performance.now() - tq) / 3;
  ms = null;
  return { indexSeconds, indexCpuSeconds, memory: used, passages: id, queryMs };
}

function main(): void {
  const sources = sourceSentences();
  console.log(`source: ${SOURCE} (${sources.length} articles); node ${process.version}`);
  const rows: Row[] = [];
  let mini: ReturnType<typeof benchMiniSearch> | null = null;
  let miniRow: Row | null = null;
  for (const n of SCALES) {
    const docs = buildCorpus(sources, n);
    const article = buildArticle(docs, sources);
    const row = benchOurs(docs, article);
    rows.push(row);
    console.log(
      `${n} articles (${row.mb.toFixed(1)} MB, ${row.passages} passages): indexed in ${row.indexSeconds.toFixed(2)} s ` +
        `(${(row.mb / row.indexSeconds).toFixed(1)} MB/s; CPU ${row.indexCpuSeconds.toFixed(2)} s = ${(row.mb / row.indexCpuSeconds).toFixed(1)} MB/s), ` +
        `${fmtMB(row.memory)}; evidence for a ${ARTICLE_WORDS}-word article (${row.findings} quotes and claims) median ` +
        `${row.evidenceMs.toFixed(1)} ms (CPU ${row.evidenceCpuMs.toFixed(1)} ms; first run ${row.firstEvidenceMs.toFixed(1)} ms) ` +
        `+ ${row.analysisMs.toFixed(1)} ms article analysis; replacing a document ${row.updateMs.toFixed(2)} ms`,
    );
    if (n === MINISEARCH_AT) {
      mini = benchMiniSearch(docs);
      miniRow = row;
    }
  }
  if (mini && miniRow) {
    console.log('');
    console.log(`Same ${miniRow.articles}-article corpus, passages as documents:`);
    console.log(
      `  MiniSearch: ${mini.passages} passages in ${mini.indexSeconds.toFixed(2)} s (CPU ${mini.indexCpuSeconds.toFixed(2)} s, ${(miniRow.mb / mini.indexCpuSeconds).toFixed(1)} MB/s), ${fmtMB(mini.memory)}; ` +
        `a 200-character query ${mini.queryMs.toFixed(0)} ms`,
    );
    console.log(
      `  ours:       ${miniRow.passages} passages in ${miniRow.indexSeconds.toFixed(2)} s (CPU ${miniRow.indexCpuSeconds.toFixed(2)} s, ${(miniRow.mb / miniRow.indexCpuSeconds).toFixed(1)} MB/s), ${fmtMB(miniRow.memory)}` +
        ` — ${(mini.indexCpuSeconds / miniRow.indexCpuSeconds).toFixed(1)}× less CPU, ${(mini.memory / miniRow.memory).toFixed(1)}× smaller` +
        ' (ours also keeps each text, a token list per passage and a sketch per document)',
    );
  }
  if (rows.length > 1) {
    console.log('');
    console.log('Growth with the corpus (relative to the smallest):');
    const base = rows[0];
    for (const r of rows) {
      console.log(
        `  ×${(r.articles / base.articles).toFixed(0).padStart(3)} articles: index CPU ×${(r.indexCpuSeconds / base.indexCpuSeconds).toFixed(1)}, ` +
          `memory ×${(r.memory / base.memory).toFixed(1)} (${((r.memory / r.articles) / 1024).toFixed(1)} KB per article), evidence CPU ×${(r.evidenceCpuMs / base.evidenceCpuMs).toFixed(1)}`,
      );
    }
  }
}

main();
