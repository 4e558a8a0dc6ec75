// One measurement in a fresh process (bundled by bench/run.ts, run with --expose-gc), so the heap and RSS it
// reports belong to that measurement alone. Prints one JSON object on stdout.
//
//   node --expose-gc measure.cjs <raw|minisearch|service|cache-cold|cache-warm> <corpus dir> <probe file> [cache file]
import MiniSearch from 'minisearch';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../server/src/core/analyze';
import { CancelledError } from '../server/src/core/cancellation';
import type { ArticleReport } from '../server/src/core/types';
import { CorroborateService } from '../server/src/core/service';
import { corpusFiles } from '../server/src/host/corpusFiles';
import { readArticle } from '../server/src/host/files';
import { indexCorpus } from '../server/src/host/indexCorpus';

/** Repeated timings stop at this many samples or this much time, whichever comes first (at least one sample). */
const MAX_SAMPLES = 15;
/**
 * Runs before the samples, the first of them timed as `first`: a fresh process compiles the analysis and corroboration
 * code as it runs them (the first ~10 analyses of the probe take 2-3× the later ones), which a working server has done
 * long before its next edit. bench/analyze.ts warms up the same way.
 */
const WARMUP_RUNS = 10;
const BUDGET_MS = 20_000;
/** One corroboration may take this long before it is cancelled and reported as "more than". */
const DEADLINE_MS = 60_000;

export interface Memory {
  /** V8 heap in use after a full GC, bytes. */
  heapUsed: number;
  /** Resident set after a full GC, bytes. */
  rss: number;
  /** Peak resident set of the process, bytes. */
  peakRss: number;
  /** Resident set before anything was read: what the process costs empty. */
  baselineRss: number;
}

export interface Timing {
  /** Median, ms. */
  median: number;
  /** Median CPU time of this process, ms (user + system, all threads): steadier than wall time on a shared machine. */
  cpuMedian?: number;
  /** The first call, ms (cold caches, JIT not warmed). */
  first: number;
  samples: number;
  /** The first call was cancelled at the deadline: the time is a lower bound. */
  timedOut?: boolean;
}

export interface IndexMeasurement {
  kind: 'raw' | 'minisearch' | 'service' | 'cache-cold' | 'cache-warm';
  files: number;
  bytes: number;
  /** Listing, reading and (except raw) indexing every file, ms. */
  indexMs: number;
  /** CPU time of this process while indexing (user + system): what the work costs when other jobs share the machine. */
  indexCpuMs?: number;
  memory: Memory;
  /** service: analysis of the probe article. */
  analysis?: Timing;
  /** service: corroboration of the probe article (analysis cached); minisearch: the same queries as plain BM25 searches. */
  corroboration?: Timing;
  /** service, cache-cold: threads a cold build used, and how long its shards took to index and to merge, ms. */
  shards?: { threads: number; indexMs: number; mergeMs: number };
  /** service, cache-cold: a cold build on one thread had its files read ahead by a helper thread. */
  readAhead?: boolean;
  /** service: what the probe's report contains, so a fast run that found nothing is visible. */
  probe?: { quotes: number; claims: number; evidence: number; corroborated: number };
  /** cache-*: what came from the on-disk cache, and its size. */
  cache?: { fromCache: number; indexed: number; fileBytes: number; saved: boolean; miss?: string };
}

const baselineRss = process.memoryUsage().rss;

/** The index worker bundle (built by bench/run.ts before this), whose helper threads a cold build uses, as in the server. */
const HELPER_SCRIPT = path.resolve(__dirname, '..', '..', 'dist', 'indexWorker.js');
/** BENCH_INDEX_THREADS=1 measures the cold build on one thread, for comparison. */
const THREADS = process.env.BENCH_INDEX_THREADS ? Number(process.env.BENCH_INDEX_THREADS) : undefined;
/** BENCH_READ_AHEAD=0 measures a cold build on one thread without its reading helper (host/readAhead), for comparison. */
const READ_AHEAD = process.env.BENCH_READ_AHEAD !== '0';

function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, peakRss: process.resourceUsage().maxRSS * 1024, baselineRss };
}

/**
 * Times `run` repeatedly after `warmup` runs (the first of them timed as `first`; with none, the first sample is);
 * `prepare` runs untimed before each run. A run cancelled at its deadline ends the timing.
 */
function time(run: () => void, prepare: () => void = () => {}, warmup = WARMUP_RUNS): Timing {
  const samples: number[] = [];
  const cpu: number[] = [];
  let first = 0;
  let started = 0;
  for (let i = 0; ; i++) {
    if (i === warmup) started = performance.now();
    prepare();
    const c = process.cpuUsage();
    const t = performance.now();
    try {
      run();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      return { median: performance.now() - t, first: performance.now() - t, samples: 1, timedOut: true };
    }
    const wall = performance.now() - t;
    if (i === 0) first = wall;
    if (i < warmup) continue;
    samples.push(wall);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (samples.length >= MAX_SAMPLES || performance.now() - started >= BUDGET_MS) break;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { median: median(samples), cpuMedian: median(cpu), first, samples: samples.length };
}

/** Lists and reads every corpus article the way the server does, handing each text to `add`. */
function readCorpus(dir: string, add: (file: string, text: string) => void): { files: number; bytes: number } {
  const { files } = corpusFiles(dir, ['.']);
  let bytes = 0;
  for (const file of files) {
    const read = readArticle(file);
    if (!read.ok) continue;
    bytes += Buffer.byteLength(read.text);
    add(file, read.text);
  }
  return { files: files.length, bytes };
}

function measureRaw(dir: string): IndexMeasurement {
  let chars = 0;
  const t = performance.now();
  const { files, bytes } = readCorpus(dir, (_, text) => (chars += text.length));
  const indexMs = performance.now() - t;
  return { kind: 'raw', files, bytes, indexMs, memory: memory() };
}

// The stopwords any BM25 setup would drop; without them MiniSearch scores every sentence containing "the".
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or she that the their they this to was were will with'.split(' '),
);

/** Plain BM25 (MiniSearch, default tokenizer, English stopwords, nothing stored) over the same sentences: the baseline. */
function measureMiniSearch(dir: string, probeText: string): IndexMeasurement {
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOPWORDS.has(t) ? null : t;
    },
  });
  let id = 0;
  const t = performance.now();
  const { files, bytes } = readCorpus(dir, (_, text) => {
    const sentences = text.split(/(?<=[.!?][”"’]?)\s+/);
    index.addAll(sentences.map((s) => ({ id: id++, text: s })));
  });
  const indexMs = performance.now() - t;
  const mem = memory();
  const analysis = analyzeArticle(probeText);
  const queries = [...analysis.quotes.filter((q) => q.kind !== 'scare'), ...analysis.claims].map((x) => x.text);
  // (No warm-up: one run of these searches takes seconds to tens of seconds.)
  const corroboration = time(
    () => {
      for (const q of queries) index.search(q).slice(0, 50);
    },
    undefined,
    0,
  );
  return { kind: 'minisearch', files, bytes, indexMs, memory: mem, corroboration };
}

function measureService(dir: string, probeFile: string, probeText: string): IndexMeasurement {
  // The server's cold load (host/indexCorpus: listed, read and indexed, spread over threads, no cache) handed to
  // the service the way the server swaps in what its index worker built.
  const service = new CorroborateService();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const outcome = indexCorpus({ corpus: [{ root: dir, specs: ['.'] }], helperScript: HELPER_SCRIPT, threads: THREADS, readAhead: READ_AHEAD });
  service.replaceCorpus(outcome.corpus);
  const indexMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const indexCpuMs = (used.user + used.system) / 1000;
  const files = outcome.files.size;
  const bytes = [...outcome.files.values()].reduce((n, f) => n + f.size, 0);
  const mem = memory();
  const probeId = pathToFileURL(probeFile).toString();
  // Each sample is a new document version, so the service recomputes instead of answering from its cache.
  let version = 0;
  const analysis = time(() => service.analyze(probeId, probeText, ++version));
  const deadline = () => {
    const end = performance.now() + DEADLINE_MS;
    return { get isCancellationRequested() { return performance.now() > end; } };
  };
  let report: ArticleReport | undefined;
  const corroboration = time(
    () => (report = service.report(probeId, probeText, version, deadline())),
    () => service.analyze(probeId, probeText, ++version),
  );
  const probe = report && {
    quotes: report.quotes.length,
    claims: report.claims.length,
    evidence: [...report.quotes, ...report.claims].reduce((n, f) => n + f.evidence.length, 0),
    corroborated: report.claims.filter((c) => c.status === 'corroborated').length,
  };
  return {
    kind: 'service',
    files,
    bytes,
    indexMs,
    indexCpuMs,
    memory: mem,
    analysis,
    corroboration,
    probe,
    ...(outcome.shards ? { shards: outcome.shards } : {}),
    ...(outcome.readAhead ? { readAhead: true } : {}),
  };
}

/** The server's loading path (host/indexCorpus): cold builds and saves the cache, warm starts from it. */
function measureCache(dir: string, cacheFile: string, cold: boolean): IndexMeasurement {
  if (cold) fs.rmSync(cacheFile, { force: true });
  const t = performance.now();
  const cpu = process.cpuUsage();
  const outcome = indexCorpus({ corpus: [{ root: dir, specs: ['.'] }], cacheFile, helperScript: HELPER_SCRIPT, threads: THREADS, readAhead: READ_AHEAD });
  const indexMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const bytes = [...outcome.files.values()].reduce((n, f) => n + f.size, 0);
  return {
    kind: cold ? 'cache-cold' : 'cache-warm',
    files: outcome.files.size,
    bytes,
    indexMs,
    indexCpuMs: (used.user + used.system) / 1000,
    ...(outcome.shards ? { shards: outcome.shards } : {}),
    ...(outcome.readAhead ? { readAhead: true } : {}),
    memory: memory(),
    cache: {
      fromCache: outcome.fromCache,
      indexed: outcome.indexed,
      fileBytes: fs.statSync(cacheFile).size,
      saved: outcome.cacheSaved,
      ...(outcome.cacheMiss ? { miss: outcome.cacheMiss } : {}),
    },
  };
}

const [kind, dir, probeFile, cacheFile] = process.argv.slice(2);
const probeRead = readArticle(probeFile ?? '');
if (!dir || !probeRead.ok) {
  console.error('usage: measure.cjs <raw|minisearch|service|cache-cold|cache-warm> <corpus dir> <probe file> [cache file]');
  process.exit(2);
}
const result =
  kind === 'raw'
    ? measureRaw(dir)
    : kind === 'minisearch'
      ? measureMiniSearch(dir, probeRead.text)
      : kind === 'cache-cold' || kind === 'cache-warm'
        ? measureCache(dir, cacheFile, kind === 'cache-cold')
        : measureService(dir, probeFile, probeRead.text);
process.stdout.write(JSON.stringify(result) + '\n');
