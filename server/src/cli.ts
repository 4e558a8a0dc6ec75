// Command-line entry: the same core as the language server, reporting as text, JSON or SARIF,
// streaming each article's results as soon as it is done, for batch runs and CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorAll, type AnchoredAnnotation } from './core/annotations/anchor';
import { changedCueLexicon } from './core/attribution/cues';
import { CorroborateService } from './core/service';
import { analysedPart, DEFAULT_MAX_ANALYSIS_CHARS, MIN_MAX_ANALYSIS_CHARS } from './core/text/limit';
import { isStoreFile, readStore } from './host/annotationStore';
import { expandArticlePaths, readArticle } from './host/files';
import { defaultCacheFolder, indexCacheFile } from './host/indexCache';
import { documentIdOf, indexCorpus } from './host/indexCorpus';
import { failsOn, findingsOf } from './output/findings';
import { JsonWriter, toJsonDocument } from './output/json';
import { Progress } from './output/progress';
import { SarifWriter } from './output/sarif';
import { formatTextReport } from './output/text';
import { VERSION } from './version';

/** Below this many corpus articles, indexing takes well under a second: no cache file is kept unless asked for. */
const CACHE_FROM_FILES = 256;

const USAGE = `Usage: corroborate [options] [FILE|DIR|GLOB]...

Checks each article's quotes, attributions and claims against the corpus.
With no --corpus, the corpus is the seeds/ folder beside the files or in the current folder.
With no files, the corpus is checked against itself. The files checked join the corpus.

Options:
  --corpus DIR|GLOB          a folder or glob of corpus articles (repeatable)
  --format text|json|sarif   output format (default: text); results stream as each article is done
  --annotations              apply the researcher's annotations (ARTICLE.annotations.jsonld beside
                             each article): verified findings are not counted, disputed ones are
  --fail-on unverified|disputed|never
                             exit 1 when unverified (or disputed) claims remain, or only disputed
                             ones (default: never)
  --max-chars N              analyse at most the first N characters of each file (default: 500,000);
                             longer files are analysed in part, with a line on stderr saying so
  --cue WORD                 add a cue lemma (a verb of saying: --cue blurt), or take one out with a
                             leading '-' (--cue=-joke); repeatable, like the corroborate.cues setting
  --cache-dir DIR            keep the corpus index in DIR between runs: a later run reads only the
                             files that changed (default: the per-user cache folder, for corpora of
                             ${CACHE_FROM_FILES} articles or more)
  --no-cache                 neither read nor write the index cache
  --progress                 show progress on stderr even when it is not a terminal
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 done, 1 findings at the --fail-on level, 2 bad usage.`;

class UsageError extends Error {}

type FailOn = 'unverified' | 'disputed' | 'never';

interface Options {
  corpus: string[];
  format: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  annotations: boolean;
  progress: boolean;
  maxChars: number;
  /** Changes to the verbs of saying in the cue lexicon (--cue). */
  cues: string[];
  /** The index cache: kept in `dir` (--cache-dir), never (--no-cache), or by corpus size in the default folder. */
  cache: { dir: string } | 'off' | 'auto';
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { corpus: [], format: 'text', failOn: 'never', annotations: false, progress: false, maxChars: DEFAULT_MAX_ANALYSIS_CHARS, cues: [], cache: 'auto', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--corpus':
        opts.corpus.push(value());
        break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
        opts.format = f;
        break;
      }
      case '--fail-on': {
        const f = value();
        if (f !== 'unverified' && f !== 'disputed' && f !== 'never') throw new UsageError(`--fail-on must be unverified, disputed or never, not '${f}'`);
        opts.failOn = f;
        break;
      }
      case '--max-chars': {
        const v = value();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= MIN_MAX_ANALYSIS_CHARS)) throw new UsageError(`--max-chars must be a whole number of at least ${MIN_MAX_ANALYSIS_CHARS.toLocaleString('en-US')}, not '${v}'`);
        opts.maxChars = n;
        break;
      }
      case '--cue':
        opts.cues.push(value());
        break;
      case '--cache-dir':
        opts.cache = { dir: value() };
        break;
      case '--no-cache':
        noValue();
        opts.cache = 'off';
        break;
      case '--annotations':
        noValue();
        opts.annotations = true;
        break;
      case '--progress':
        noValue();
        opts.progress = true;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
        opts.files.push(arg);
    }
  }
  return opts;
}

/** The default corpus: seeds/ beside the first file, in the current folder, or shipped with the tool. */
function defaultCorpus(files: string[]): string {
  const candidates: string[] = [];
  for (const f of files) {
    const dir = path.dirname(f);
    candidates.push(path.basename(path.resolve(dir)) === 'seeds' ? dir : path.join(dir, 'seeds'));
  }
  candidates.push('seeds');
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isDirectory());
  if (found) return found;
  return path.relative(process.cwd(), path.join(__dirname, '..', 'seeds')) || '.';
}

/** Writes to stdout, waiting when the pipe is full so a huge run never buffers its whole output. */
function stdoutWriter(): { write: (chunk: string) => Promise<void> } {
  // A reader that stops early (`| head`) is not an error of ours: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    write: (chunk) =>
      new Promise<void>((resolve) => {
        if (process.stdout.write(chunk)) resolve();
        else process.stdout.once('drain', resolve);
      }),
  };
}

async function main(argv: string[]): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`corroborate: ${e.message} (see --help)\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }

  const began = Date.now();
  const corpusSpecs = opts.corpus.length > 0 ? opts.corpus : [defaultCorpus(opts.files)];
  let corpusFiles: string[];
  let articleFiles: string[];
  try {
    corpusFiles = unique(corpusSpecs.flatMap((s) => expandArticlePaths(s)));
    articleFiles = opts.files.length > 0 ? unique(opts.files.flatMap((s) => expandArticlePaths(s))) : corpusFiles;
  } catch (e) {
    process.stderr.write(`corroborate: ${(e as Error).message}\n`);
    return 2;
  }
  // A glob like dir/* also matches the annotation stores beside the articles: they are not articles.
  corpusFiles = corpusFiles.filter((f) => !isStoreFile(f));
  articleFiles = articleFiles.filter((f) => !isStoreFile(f));

  const progress = new Progress(process.stderr, opts.progress || process.stderr.isTTY === true);
  const problems: { file: string; message: string }[] = [];
  const problem = (file: string, message: string) => {
    // An article that is also in the corpus is read twice (indexed, then checked): one line per problem.
    if (problems.some((p) => p.message === message)) return;
    problems.push({ file, message });
    progress.clear();
    process.stderr.write(`corroborate: ${message}\n`);
  };

  const service = new CorroborateService();
  if (opts.cues.length) service.setAnalysisOptions({ cues: changedCueLexicon({ speech: opts.cues }) });
  // Documents are named by file URI, as in the editor and the index cache; reports show the path as given.
  // Named once per file: a corpus checked against itself asks for each name several times.
  const ids = new Map<string, string>();
  const shown = new Map<string, string>();
  for (const file of [...corpusFiles, ...articleFiles]) {
    if (ids.has(file)) continue;
    const id = documentIdOf(path.resolve(file));
    ids.set(file, id);
    if (!shown.has(id)) shown.set(id, file);
  }
  const idOf = (file: string) => ids.get(file) ?? documentIdOf(path.resolve(file));
  const pathOf = (id: string) => shown.get(id) ?? id;

  // The corpus, through the index cache when there is one: only files changed since the last run are read.
  const cacheFolder = opts.cache === 'off' ? undefined : opts.cache === 'auto' ? (corpusFiles.length >= CACHE_FROM_FILES ? defaultCacheFolder() : undefined) : opts.cache.dir;
  const cacheKey = ['corroborate-cli', ...corpusSpecs.map((s) => path.resolve(s))];
  const indexed = indexCorpus(
    {
      files: corpusFiles,
      cacheFile: cacheFolder === undefined ? undefined : indexCacheFile(cacheFolder, cacheKey),
      maxChars: opts.maxChars,
      settings: `maxAnalysisChars=${opts.maxChars}`,
      // A build from nothing spreads over threads running the index worker's bundle, beside this one.
      helperScript: path.join(__dirname, 'indexWorker.js'),
    },
    (p) => progress.update('indexing', p.done, p.total, ''),
  );
  service.replaceCorpus(indexed.corpus);
  const checked = new Set(articleFiles.map(idOf));
  for (const warning of indexed.warnings) {
    // Warnings about a file begin with its path as given.
    const file = corpusFiles.find((f) => warning.startsWith(`${f}: `)) ?? '';
    const truncated = warning.endsWith('(corroborate.maxAnalysisChars)');
    // An article checked says it was analysed in part (below); a corpus article that it was indexed in part.
    if (truncated && checked.has(idOf(file))) continue;
    problem(file, truncated ? warning.replace('corroborate.maxAnalysisChars', '--max-chars') : warning);
  }

  // The articles checked: read whole (annotations and positions refer to the whole text), analysed in part.
  const texts = new Map<string, string>();
  const load = (file: string): boolean => {
    const id = idOf(file);
    if (texts.has(id)) return true;
    const read = readArticle(file);
    if (!read.ok) {
      problem(file, `${file}: ${read.error}`);
      return false;
    }
    if (read.warning) problem(file, `${file}: ${read.warning}`);
    texts.set(id, read.text);
    // Offsets into the analysed part are offsets into the whole text, so annotations and SARIF regions use the whole.
    const part = analysedPart(read.text, opts.maxChars);
    if (part.length < read.text.length) {
      const n = (x: number) => x.toLocaleString('en-US');
      problem(file, `${file}: ${n(read.text.length)} characters; only the first ${n(part.length)} analysed (--max-chars)`);
    }
    // An article of the corpus is indexed already (from the cache, perhaps): indexed again only if it changed since.
    if (service.text(id) !== part) service.setDocument(id, part);
    return true;
  };
  const loaded = new Set<string>();
  articleFiles.forEach((file, i) => {
    if (load(file)) loaded.add(idOf(file));
    progress.update('reading', i + 1, articleFiles.length, file);
  });
  const corpus = corpusFiles.filter((f) => service.corpus.has(idOf(f)));
  const articles = articleFiles.filter((f) => loaded.has(idOf(f)));

  const out = stdoutWriter();
  const pending: string[] = [];
  const push = (chunk: string) => void pending.push(chunk);
  const flush = () => out.write(pending.splice(0).join(''));
  const json = new JsonWriter(push);
  const sarif = new SarifWriter(push, process.cwd(), VERSION);
  if (opts.format === 'json') {
    json.begin(
      { name: 'corroborate', version: VERSION },
      // Counted from the index, not by building every passage (text, lines) of the corpus just to count them.
      corpus.map((file) => {
        const d = service.corpus.documentIndex(idOf(file));
        return { path: file, passages: d < 0 ? 0 : service.corpus.passageRange(d).count };
      }),
    );
  } else if (opts.format === 'sarif') sarif.begin();
  else push(`Corpus: ${corpus.length} article${corpus.length === 1 ? '' : 's'}\n\n`);

  const totals = { quotes: 0, claims: 0, unverified: 0, disputed: 0, verified: 0, orphaned: 0, failing: 0 };
  for (const [i, file] of articles.entries()) {
    const text = texts.get(idOf(file))!;
    const report = service.report(idOf(file), service.text(idOf(file))!, 0);
    let anchored: AnchoredAnnotation[] | undefined;
    if (opts.annotations) {
      const store = readStore(file);
      for (const p of store.problems) problem(store.store, p);
      anchored = anchorAll(text, store.annotations);
    }
    const findings = findingsOf(report, anchored);
    totals.quotes += report.quotes.length;
    totals.claims += report.claims.length;
    for (const f of findings) {
      if (f.suppressed) totals.verified++;
      else if (f.concern === 'disputed') totals.disputed++;
      else if (f.concern === 'unverified') totals.unverified++;
      if (f.rule === 'orphaned-annotation') totals.orphaned++;
      if (failsOn(f, opts.failOn)) totals.failing++;
    }
    progress.clear();
    if (opts.format === 'json') json.add(toJsonDocument(file, report, pathOf, anchored, text.length));
    else if (opts.format === 'sarif') sarif.add(file, text, findings, pathOf);
    else push((i > 0 ? '\n' : '') + formatTextReport(file, report, pathOf, anchored) + '\n');
    await flush();
    progress.update('checking', i + 1, articles.length, file);
  }
  progress.clear();

  const code = totals.failing > 0 ? 1 : 0;
  if (opts.format === 'json') json.end();
  else if (opts.format === 'sarif') {
    for (const p of problems) sarif.notify(p.message, p.file);
    sarif.end(code);
  }
  await flush();

  const seconds = (Date.now() - began) / 1000;
  const parts = [
    `${plural(articles.length, 'article')} checked against a corpus of ${service.corpus.documentIds.length} in ${seconds.toFixed(1)} s`,
    `${plural(totals.quotes, 'quote')}, ${plural(totals.claims, 'claim')}: ${totals.unverified} unverified, ${totals.disputed} disputed`,
  ];
  if (opts.annotations) parts.push(`${totals.verified} verified by the researcher, ${totals.orphaned} orphaned annotation${totals.orphaned === 1 ? '' : 's'}`);
  if (problems.length > 0) parts.push(`${problems.length} problem${problems.length === 1 ? '' : 's'} (see above)`);
  if (opts.failOn !== 'never') parts.push(code === 1 ? `failing: ${totals.failing} finding${totals.failing === 1 ? '' : 's'} at --fail-on ${opts.failOn}` : `passing --fail-on ${opts.failOn}`);
  process.stderr.write(`corroborate: ${parts.join('; ')}\n`);
  return code;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = path.resolve(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`corroborate: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
