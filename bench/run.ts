// `npm run bench [-- --sizes 1k,10k] [--skip baselines,service,cache,editor]`: indexing throughput, memory, analysis and
// corroboration time, and editor latency over the protocol, per corpus size, against baselines in the same run.
// Prints a table and writes bench/results/latest.json. See bench/README.md for what each number means.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureCorpus, ensureProbe, parseSize, type BenchCorpus, type BenchProbe } from './corpora';
import { measureEditor, type EditorMeasurement, type Percentiles } from './editorLatency';
import type { IndexMeasurement } from './measure';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');

interface Options {
  sizes: number[];
  skip: Set<string>;
}

interface SizeResult {
  size: number;
  label: string;
  files: number;
  megabytes: number;
  raw?: IndexMeasurement;
  minisearch?: IndexMeasurement;
  service?: IndexMeasurement;
  /** The server's loading path with the on-disk cache: built from nothing (and saved), then started from it. */
  cacheCold?: IndexMeasurement;
  cacheWarm?: IndexMeasurement;
  editor?: EditorMeasurement;
  /** The server started a second time on the same workspace: from its index cache. */
  editorWarm?: EditorMeasurement;
  /** Edits with four corpus articles open beside the probe. */
  editorOpen?: EditorMeasurement;
  /** Why the protocol measurement stopped (a deadline), when it did. */
  editorError?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { sizes: [1_000, 10_000, 50_000], skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--sizes') opts.sizes = value().split(',').filter(Boolean).map(parseSize);
    else if (flag === '--skip') value().split(',').filter(Boolean).forEach((s) => opts.skip.add(s));
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: npm run bench -- [--sizes 1k,10k,50k] [--skip baselines,service,cache,editor]');
      process.exit(0);
    } else throw new Error(`unknown option '${argv[i]}'`);
  }
  return opts;
}

/** Builds dist/ (the server the editor runs) and the measurement child, so both are what the code says now. */
async function build(): Promise<string> {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  fs.mkdirSync(RESULTS, { recursive: true });
  const outfile = path.join(RESULTS, 'measure.cjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'measure.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define: { __CORROBORATE_VERSION__: JSON.stringify('bench') },
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs one measurement in a fresh node process so its memory numbers are its own. */
function measureInChild(measureJs: string, kind: string, corpus: BenchCorpus, probe: BenchProbe): IndexMeasurement {
  const cacheFile = path.join(path.dirname(corpus.dir), 'bench-index-cache.bin');
  const child = spawnSync(process.execPath, ['--expose-gc', measureJs, kind, corpus.dir, probe.file, cacheFile], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${kind} measurement of ${corpus.label} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as IndexMeasurement;
}

const mb = (bytes: number) => bytes / 1e6;
const mib = (bytes: number) => bytes / 2 ** 20;
const fixed = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(1)}×`);
const pct = (p: Percentiles | undefined, digits = 1) => (p ? `${fixed(p.p50, digits)} / ${fixed(p.p99, digits)}` : '–');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|', ...rows.map(line)].join('\n');
}

function report(results: SizeResult[]): string {
  const index = table(
    ['corpus', 'MB', 'cold index s', 'MB/s', 'MB/s of CPU time', 'threads (merge s)', 'vs raw read', 'vs MiniSearch', 'heap MiB', 'RSS MiB', 'peak RSS MiB', 'MiniSearch heap MiB'],
    results.map((r) => [
      r.label,
      fixed(r.megabytes),
      fixed(r.service && r.service.indexMs / 1000, 2),
      fixed(r.service && r.megabytes / (r.service.indexMs / 1000)),
      fixed(r.service?.indexCpuMs && r.megabytes / (r.service.indexCpuMs / 1000)),
      r.service?.shards ? `${r.service.shards.threads} (${fixed(r.service.shards.mergeMs / 1000, 2)})` : r.service?.readAhead ? '1 + reader' : r.service ? '1' : '–',
      ratio(r.service?.indexMs, r.raw?.indexMs),
      ratio(r.service?.indexMs, r.minisearch?.indexMs),
      fixed(r.service && mib(r.service.memory.heapUsed), 0),
      fixed(r.service && mib(r.service.memory.rss), 0),
      fixed(r.service && mib(r.service.memory.peakRss), 0),
      r.minisearch ? fixed(mib(r.minisearch.memory.heapUsed), 0) : '–',
    ]),
  );
  const cache = results.some((r) => r.cacheWarm)
    ? table(
        ['corpus', 'build + save s', 'cache file MiB', 'warm start s', 'from cache', 'warm RSS MiB', 'warm peak RSS MiB'],
        results.map((r) => [
          r.label,
          fixed(r.cacheCold && r.cacheCold.indexMs / 1000, 2),
          fixed(r.cacheCold?.cache && mib(r.cacheCold.cache.fileBytes), 0),
          fixed(r.cacheWarm && r.cacheWarm.indexMs / 1000, 2),
          r.cacheWarm?.cache ? `${r.cacheWarm.cache.fromCache}/${r.cacheWarm.files}` : '–',
          fixed(r.cacheWarm && mib(r.cacheWarm.memory.rss), 0),
          fixed(r.cacheWarm && mib(r.cacheWarm.memory.peakRss), 0),
        ]),
      )
    : '';
  const article = table(
    ['corpus', 'analysis ms (CPU)', 'corroboration ms (CPU)', 'first analysis / corroboration ms', 'MiniSearch same queries ms', 'evidence found'],
    results.map((r) => [
      r.label,
      `${fixed(r.service?.analysis?.median)} (${fixed(r.service?.analysis?.cpuMedian)})`,
      r.service?.corroboration?.timedOut
        ? `> ${fixed(r.service.corroboration.median / 1000, 0)} s (cancelled)`
        : `${fixed(r.service?.corroboration?.median)} (${fixed(r.service?.corroboration?.cpuMedian)}; n=${r.service?.corroboration?.samples ?? 0})`,
      `${fixed(r.service?.analysis?.first)} / ${fixed(r.service?.corroboration?.first)}`,
      fixed(r.minisearch?.corroboration?.median),
      r.service?.probe ? `${r.service.probe.evidence} (${r.service.probe.corroborated}/${r.service.probe.claims} claims)` : '–',
    ]),
  );
  const editor = results.some((r) => r.editor || r.editorError)
    ? table(
        [
          'corpus',
          'first diagnostics s',
          'hover while indexing ms',
          'corpus loaded s (cold / warm)',
          'hover p50/p99 ms',
          'round-trip floor p50/p99 ms',
          'code lens p50/p99 ms',
          'edit→diagnostics p50/p99 ms',
          'edit→full report p50/p99 ms',
          'with 5 articles open: edit→diagnostics / full report p50 ms',
          'server RSS MiB (cold / warm)',
        ],
        results.map((r) => [
          r.label,
          fixed(r.editor && r.editor.firstDiagnosticsMs / 1000, 2),
          fixed(r.editor?.hoverWhileIndexingMs),
          `${fixed(r.editor && r.editor.indexedMs / 1000, 2)} / ${fixed(r.editorWarm && r.editorWarm.indexedMs / 1000, 2)}`,
          pct(r.editor?.hover, 2),
          pct(r.editor?.requestFloor, 2),
          pct(r.editor?.codeLens, 2),
          r.editor?.editTimedOut
            ? `> ${fixed(r.editor.editToDiagnostics!.max / 1000, 0)} s (gave up)`
            : `${pct(r.editor?.editToDiagnostics)} (n=${r.editor?.editToDiagnostics?.samples ?? 0})`,
          r.editor?.editTimedOut ? '–' : pct(r.editor?.editToEvidence),
          r.editorOpen?.editTimedOut ? 'gave up' : `${fixed(r.editorOpen?.editToDiagnostics?.p50)} / ${fixed(r.editorOpen?.editToEvidence?.p50)}`,
          `${fixed(r.editor && mib(r.editor.serverRss), 0)} / ${fixed(r.editorWarm && mib(r.editorWarm.serverRss), 0)}`,
        ]),
      )
    : '';
  return [
    ['Index through CorroborateService (fresh process per corpus)', index],
    ['On-disk index cache (host/indexCorpus, fresh process each)', cache],
    ['A 2,000-word article', article],
    ['Over the protocol (dist/server.js --stdio)', editor],
    ['Stopped at a deadline', results.filter((r) => r.editorError).map((r) => `${r.label}: ${r.editorError}`).join('\n')],
  ]
    .filter(([, t]) => t !== '')
    .map(([title, t]) => `${title}\n${t}`)
    .join('\n\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const measureJs = await build();
  const probe = ensureProbe();
  const results: SizeResult[] = [];
  for (const size of opts.sizes) {
    const corpus = ensureCorpus(size, (l) => console.error(l));
    console.error(`${corpus.label}: ${corpus.files.length} articles, ${mb(corpus.bytes).toFixed(1)} MB`);
    const result: SizeResult = { size, label: corpus.label, files: corpus.files.length, megabytes: mb(corpus.bytes) };
    if (!opts.skip.has('baselines')) {
      console.error('  raw read …');
      result.raw = measureInChild(measureJs, 'raw', corpus, probe);
      console.error('  MiniSearch …');
      result.minisearch = measureInChild(measureJs, 'minisearch', corpus, probe);
    }
    if (!opts.skip.has('service')) {
      console.error('  CorroborateService …');
      result.service = measureInChild(measureJs, 'service', corpus, probe);
    }
    if (!opts.skip.has('cache')) {
      console.error('  index cache: build …');
      result.cacheCold = measureInChild(measureJs, 'cache-cold', corpus, probe);
      console.error('  index cache: warm start …');
      result.cacheWarm = measureInChild(measureJs, 'cache-warm', corpus, probe);
    }
    if (!opts.skip.has('editor')) {
      const workspace = path.dirname(corpus.dir);
      const serverJs = path.join(ROOT, 'dist', 'server.js');
      const cacheFolder = path.join(workspace, 'server-cache');
      fs.rmSync(cacheFolder, { recursive: true, force: true });
      try {
        console.error('  language server, cold …');
        result.editor = await measureEditor(workspace, corpus, probe, serverJs, { cacheFolder });
        console.error('  language server, warm …');
        result.editorWarm = await measureEditor(workspace, corpus, probe, serverJs, { cacheFolder, startOnly: true });
        console.error('  language server, five articles open …');
        result.editorOpen = await measureEditor(workspace, corpus, probe, serverJs, { cacheFolder, alsoOpen: 4 });
      } catch (e) {
        result.editorError = (e as Error).message.split('\n')[0];
        console.error(`  ${result.editorError}`);
      }
    }
    results.push(result);
    // Written after every size, so a long run that is stopped keeps what it measured.
    writeJson(results, probe.words);
  }
  console.log(report(results));
  console.error(`\nwrote ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json'))}`);
}

function writeJson(results: SizeResult[], probeWords: number): void {
  const json = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverage: os.loadavg(),
    probeWords,
    results,
  };
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
}

function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return undefined;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
