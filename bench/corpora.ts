// Builds benchmark corpora of any size from real news text, deterministically, in a cache folder outside the repo.
//
// Article i of every corpus is the same (a corpus of 1k is the first 1k articles of the 10k one), so results
// at different sizes compare like with like. Each article recombines the paragraphs of one source article
// with paragraphs of others, drops and swaps sentences, and substitutes names and numbers, all from a PRNG
// seeded by i: documents overlap the way a wire-heavy archive does, but no two are identical.
//
//   import { ensureCorpus, ensureProbe } from './corpora';
//   const corpus = ensureCorpus(10_000);   // { dir, files, bytes, ... }
//   const probe = ensureProbe();           // a 2,000-word article whose quotes the corpus carries
//
//   node --import tsx bench/corpora.ts 1k 10k    # builds and prints the folders
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Bump when the generated text changes, so stale corpora are rebuilt rather than reused. */
export const GENERATOR_VERSION = 1;

/** Where the real articles come from (read in place, never copied into the repo). */
export const SOURCE_DIR = process.env.CORROBORATE_BENCH_SOURCE ?? '/work/shared/eval/polnear/train/text';

/** The cache root; override with CORROBORATE_BENCH_CACHE. */
export const CACHE_ROOT = process.env.CORROBORATE_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'corroborate-bench');

const FILES_PER_FOLDER = 1000;
const PROBE_WORDS = 2000;

export interface BenchCorpus {
  /** e.g. "10k". */
  label: string;
  size: number;
  /** The folder holding the articles (in subfolders of 1,000); point `corroborate.corpus` here. */
  dir: string;
  /** Absolute paths of the articles, sorted. */
  files: string[];
  /** Total UTF-8 bytes of the articles. */
  bytes: number;
}

export interface BenchProbe {
  /** A file outside every corpus folder. */
  file: string;
  text: string;
  words: number;
}

/** Parses "1k", "10k", "50k", "2.5k" or "300" into an article count. */
export function parseSize(spec: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(spec.trim());
  if (!m) throw new Error(`not a corpus size: '${spec}' (try 1k, 10k, 50k)`);
  const n = Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a corpus size: '${spec}'`);
  return n;
}

/** "10000" → "10k". */
export function sizeLabel(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

/** The corpus of `size` articles, generated on first use and reused while the generator and sources are unchanged. */
export function ensureCorpus(size: number, log: (line: string) => void = () => {}): BenchCorpus {
  const label = sizeLabel(size);
  const root = path.join(CACHE_ROOT, `v${GENERATOR_VERSION}`, label);
  const dir = path.join(root, 'articles');
  const manifestFile = path.join(root, 'manifest.json');
  const sources = loadSources();
  const stamp = sourceStamp(sources);
  const existing = readJson<{ size: number; bytes: number; stamp: string; files: string[] }>(manifestFile);
  if (existing && existing.size === size && existing.stamp === stamp) {
    return { label, size, dir, files: existing.files.map((f) => path.join(dir, f)), bytes: existing.bytes };
  }
  log(`generating the ${label} corpus in ${dir} …`);
  fs.rmSync(root, { recursive: true, force: true });
  const generator = new ArticleGenerator(sources);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const rel = path.join(String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'), `${String(i).padStart(6, '0')}.txt`);
    if (i % FILES_PER_FOLDER === 0) fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    const text = generator.article(i);
    fs.writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
    files.push(rel);
  }
  // The manifest is written last: a half-written corpus (interrupted run) has none and is rebuilt.
  fs.writeFileSync(manifestFile, JSON.stringify({ size, bytes, stamp, files }));
  return { label, size, dir, files: files.map((f) => path.join(dir, f)), bytes };
}

/** A 2,000-word article made of quote-bearing paragraphs of the sources; outside every corpus folder. */
export function ensureProbe(): BenchProbe {
  const file = path.join(CACHE_ROOT, `v${GENERATOR_VERSION}`, 'probe', 'probe-article.txt');
  const sources = loadSources();
  const text = new ArticleGenerator(sources).probe(PROBE_WORDS);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { file, text, words: countWords(text) };
}

interface SourceArticle {
  name: string;
  title: string;
  paragraphs: string[];
}

let sourceCache: SourceArticle[] | undefined;

function loadSources(): SourceArticle[] {
  if (sourceCache) return sourceCache;
  if (!fs.existsSync(SOURCE_DIR)) throw new Error(`benchmark source articles not found at ${SOURCE_DIR} (set CORROBORATE_BENCH_SOURCE)`);
  const names = fs.readdirSync(SOURCE_DIR).filter((n) => n.endsWith('.txt')).sort();
  sourceCache = names
    .map((name) => {
      const text = fs.readFileSync(path.join(SOURCE_DIR, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b.length > 0);
      return { name, title: blocks[0] ?? name, paragraphs: blocks.slice(1) };
    })
    .filter((s) => s.paragraphs.length > 0);
  if (sourceCache.length === 0) throw new Error(`no source articles in ${SOURCE_DIR}`);
  return sourceCache;
}

/** Identifies the generator and its input, so a changed source folder rebuilds the corpora. */
function sourceStamp(sources: SourceArticle[]): string {
  const h = crypto.createHash('sha256').update(`v${GENERATOR_VERSION}\n`);
  for (const s of sources) h.update(`${s.name}\0${s.paragraphs.length}\0${s.paragraphs.join('\n').length}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Mulberry32: small, fast, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The second word of a capitalised pair: mostly surnames, which is what gets renamed. */
const SURNAME = /(?<=\b[A-Z][a-z]+ )[A-Z][a-z]{2,}\b/g;

const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

class ArticleGenerator {
  /** Second words of capitalised pairs ("Bernie Sanders") in the sources: the pool names are substituted from. */
  private readonly names: string[];

  constructor(private readonly sources: SourceArticle[]) {
    const counts = new Map<string, number>();
    for (const s of sources) {
      for (const p of s.paragraphs) {
        for (const m of p.matchAll(SURNAME)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
      }
    }
    this.names = [...counts].filter(([w, n]) => n >= 3 && !CALENDAR.test(w)).map(([w]) => w).sort();
  }

  article(i: number): string {
    const rand = prng(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const base = this.sources[i % this.sources.length];
    const paragraphs = base.paragraphs.filter(() => rand() < 0.75);
    if (paragraphs.length === 0) paragraphs.push(base.paragraphs[0]);
    const donors = 1 + Math.floor(rand() * 2);
    for (let d = 0; d < donors; d++) {
      const donor = pick(this.sources);
      const take = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < take && donor.paragraphs.length > 0; k++) {
        paragraphs.splice(Math.floor(rand() * (paragraphs.length + 1)), 0, pick(donor.paragraphs));
      }
    }
    const body = paragraphs.map((p) => (rand() < 0.25 ? reshuffleSentences(p, rand) : p));
    return this.substitute([base.title, ...body].join('\n\n') + '\n', rand);
  }

  /** Paragraphs with quotation marks, drawn across the sources until the article reaches `words` words. */
  probe(words: number): string {
    const rand = prng(0x2000);
    const quoted = this.sources.flatMap((s) => s.paragraphs.filter((p) => /[“"]/.test(p) && countWords(p) >= 20));
    const out = ['Probe article: what the archive says about the campaign'];
    let total = countWords(out[0]);
    // Stop within 2% of the target; a paragraph that would overshoot is skipped.
    for (let tries = 0; total < words * 0.98 && tries < 10_000; tries++) {
      const p = quoted[Math.floor(rand() * quoted.length)];
      if (total + countWords(p) > words * 1.02) continue;
      out.push(p);
      total += countWords(p);
    }
    return out.join('\n\n') + '\n';
  }

  /** Renames a few of the article's names and changes some of its numbers, consistently within the article. */
  private substitute(text: string, rand: () => number): string {
    const present = [...new Set(text.match(SURNAME) ?? [])].filter((w) => !CALENDAR.test(w));
    const renames = new Map<string, string>();
    const count = Math.min(present.length, 1 + Math.floor(rand() * 5));
    for (let k = 0; k < count; k++) {
      renames.set(present[Math.floor(rand() * present.length)], this.names[Math.floor(rand() * this.names.length)]);
    }
    let out = text;
    if (renames.size > 0) {
      const re = new RegExp(`\\b(?:${[...renames.keys()].join('|')})\\b`, 'g');
      out = out.replace(re, (w) => renames.get(w) ?? w);
    }
    return out.replace(/\b\d+\b/g, (n) => {
      if (rand() >= 0.3 || /^(?:19|20)\d\d$/.test(n)) return n;
      let s = String(1 + Math.floor(rand() * 9));
      for (let k = 1; k < n.length; k++) s += String(Math.floor(rand() * 10));
      return s;
    });
  }
}

/** Drops one sentence or swaps two neighbours, keeping the paragraph readable. */
function reshuffleSentences(paragraph: string, rand: () => number): string {
  const sentences = paragraph.split(/(?<=[.!?][”"’]?) (?=[A-Z“"])/);
  if (sentences.length < 3) return paragraph;
  const k = Math.floor(rand() * (sentences.length - 1));
  if (rand() < 0.5) sentences.splice(k, 1);
  else [sentences[k], sentences[k + 1]] = [sentences[k + 1], sentences[k]];
  return sentences.join(' ');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// Run directly: build the corpora named on the command line and say where they are.
if (/corpora\.ts$/.test(process.argv[1] ?? '')) {
  const specs = process.argv.slice(2);
  for (const spec of specs.length ? specs : ['1k']) {
    const started = performance.now();
    const c = ensureCorpus(parseSize(spec), (l) => console.error(l));
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${c.label}: ${c.files.length} articles, ${(c.bytes / 1e6).toFixed(1)} MB in ${c.dir} (${secs} s)`);
  }
  const probe = ensureProbe();
  console.log(`probe: ${probe.words} words in ${probe.file}`);
}
