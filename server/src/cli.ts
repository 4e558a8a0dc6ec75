// Command-line entry: the same core as the language server, reporting as text or JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorroborateService } from './core/service';
import { expandArticlePaths, readArticle } from './host/files';
import { toJsonDocument, type JsonOutput } from './output/json';
import { formatTextReport } from './output/text';
import { VERSION } from './version';

const USAGE = `Usage: corroborate [--corpus DIR|GLOB]... [--format text|json] [FILE|DIR|GLOB]...

Checks each article's quotes, attributions and claims against the corpus.
With no --corpus, the corpus is the seeds/ folder beside the files or in the current folder.
With no files, the corpus is checked against itself.

Options:
  --corpus DIR|GLOB   a folder or glob of corpus articles (repeatable)
  --format text|json  output format (default: text)
  -h, --help          show this help
  -v, --version       show the version`;

class UsageError extends Error {}

interface Options {
  corpus: string[];
  format: 'text' | 'json';
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { corpus: [], format: 'text', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
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
        if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
        opts.format = f;
        break;
      }
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

function main(argv: string[]): number {
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

  const service = new CorroborateService();
  const texts = new Map<string, string>();
  const idOf = (file: string) => path.resolve(file);
  const shown = new Map<string, string>();
  const load = (file: string): boolean => {
    const id = idOf(file);
    if (texts.has(id)) return true;
    const read = readArticle(file);
    if (!read.ok) {
      process.stderr.write(`corroborate: ${file}: ${read.error}\n`);
      return false;
    }
    texts.set(id, read.text);
    shown.set(id, file);
    service.setDocument(id, read.text);
    return true;
  };
  const corpus = corpusFiles.filter(load);
  const articles = articleFiles.filter(load);
  const pathOf = (id: string) => shown.get(id) ?? id;

  const reports = articles.map((file) => ({ file, report: service.report(idOf(file), texts.get(idOf(file))!, 0) }));
  if (opts.format === 'json') {
    const out: JsonOutput = {
      tool: { name: 'corroborate', version: VERSION },
      corpus: corpus.map((file) => ({ path: file, passages: service.corpus.passages(idOf(file)).length })),
      documents: reports.map(({ file, report }) => toJsonDocument(file, report, pathOf)),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    process.stdout.write(`Corpus: ${corpus.length} article${corpus.length === 1 ? '' : 's'}\n\n`);
    process.stdout.write(reports.map(({ file, report }) => formatTextReport(file, report, pathOf)).join('\n\n') + '\n');
  }
  return 0;
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

process.exitCode = main(process.argv.slice(2));
