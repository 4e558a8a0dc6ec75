// Builds the corpus index of a set of article files, starting from the workspace's index cache when it has
// one: unchanged files are taken from the cache without being read, changed ones re-indexed, gone ones dropped.
import * as fs from 'node:fs';
import { Corpus } from '../core/corpus/corpus';
import { corpusFiles, type CorpusSource } from './corpusFiles';
import { readIndexCache, writeIndexCache, type FileStamp } from './indexCache';
import { defaultIndexThreads, documentIdOf, indexInShards, readForIndex, type ShardTimes } from './indexShards';
import { ReadAhead } from './readAhead';

export interface IndexRequest {
  /** Absolute paths of the corpus articles… */
  files?: string[];
  /**
   * …or the `corroborate.corpus` setting (folders and globs) of each workspace folder, listed by the job itself (off
   * the server's thread: 50,000 files take a second to list and name)…
   */
  corpus?: CorpusSource[];
  /** …and, when those list no article at all, this folder instead (the bundled sample articles). */
  sample?: string;
  /** The workspace's cache file; without one, every file is read and nothing is saved. */
  cacheFile?: string;
  /** Settings that change what the index holds; a cache saved under other settings is not used. */
  settings?: string;
  /** corroborate.maxAnalysisChars: a longer file is indexed only up to it (say so in `settings` too). */
  maxChars?: number;
  /**
   * A script whose entry runs a shard job (dist/indexWorker.js): with it, a build from nothing is spread over
   * `threads` threads (default: defaultIndexThreads, one on fewer than four cores; 1 keeps it on this thread).
   */
  helperScript?: string;
  threads?: number;
  /**
   * Whether a build from nothing on one thread has its files read ahead on a helper thread running `helperScript`
   * (readAhead.ts; default true): the thread that indexes then only indexes.
   */
  readAhead?: boolean;
}

export interface IndexProgress {
  done: number;
  total: number;
}

export interface IndexOutcome {
  corpus: Corpus;
  /** The stamp of every indexed file, by document id. */
  files: Map<string, FileStamp>;
  /** Files taken from the cache without reading them. */
  fromCache: number;
  /** Files read and (re-)indexed. */
  indexed: number;
  /** Files read whose text had not changed (touched, not edited). */
  unchanged: number;
  /** Documents dropped because their file is gone or no longer in the corpus. */
  removed: number;
  /** One line per problem: unreadable files, a corrupt cache, a cache that could not be saved. */
  warnings: string[];
  /** Why the cache was not used, when it was not (absent, stale, corrupt). */
  cacheMiss?: string;
  cacheSaved: boolean;
  /** Every file asked for or listed (read or not). */
  listed: string[];
  /** The sample folder stood in for an empty corpus. */
  sample: boolean;
  /** Set when the build was spread over threads: how long indexing and merging took. */
  shards?: ShardTimes;
  /** Set when the files were read ahead on a helper thread (readAhead.ts). */
  readAhead?: true;
}

export { documentIdOf };

/** A cold build spreads over threads only when each gets at least this many files (a thread takes ~50 ms to start). */
const FILES_PER_THREAD = 200;

/** Indexes the requested articles, reusing and then refreshing the cache; reports progress per file. */
export function indexCorpus(request: IndexRequest, onProgress: (p: IndexProgress) => void = () => {}): IndexOutcome {
  const settings = request.settings ?? '';
  const warnings: string[] = [];
  let corpus = new Corpus();
  let cached = new Map<string, FileStamp>();
  let cacheMiss: string | undefined;
  if (request.cacheFile) {
    const read = readIndexCache(request.cacheFile, settings);
    if (read.ok) ({ corpus, files: cached } = read);
    else {
      cacheMiss = read.reason;
      if (read.corrupt) warnings.push(`${read.reason}; rebuilding it`);
    }
  }

  const paths = new Set(request.files ?? []);
  for (const { root, specs, trusted } of request.corpus ?? []) {
    const listed = corpusFiles(root, specs, trusted !== false);
    listed.files.forEach((f) => paths.add(f));
    warnings.push(...listed.problems);
  }
  const sample = paths.size === 0 && request.sample !== undefined;
  if (sample) corpusFiles(request.sample!, ['.']).files.forEach((f) => paths.add(f));
  const list = [...paths];

  let files = new Map<string, FileStamp>();
  let fromCache = 0;
  let indexed = 0;
  let unchanged = 0;
  const total = list.length;
  const step = Math.max(1, Math.floor(total / 100));
  const threads = Math.min(request.threads ?? defaultIndexThreads(), Math.floor(total / FILES_PER_THREAD));
  let shards: ShardTimes | undefined;
  if (corpus.size === 0 && threads > 1 && request.helperScript && fs.existsSync(request.helperScript)) {
    // Nothing to start from: every file is read and indexed, which is what spreads well over threads.
    onProgress({ done: 0, total });
    const built = indexInShards(list, request.maxChars, threads, request.helperScript, (done) => onProgress({ done, total }));
    ({ corpus, files, times: shards } = built);
    warnings.push(...built.warnings);
    indexed = corpus.size;
  }
  // Nothing to start from on one thread: every file is read, which a helper can do ahead of the indexing.
  const reader =
    !shards && corpus.size === 0 && request.readAhead !== false && total >= FILES_PER_THREAD && request.helperScript && fs.existsSync(request.helperScript)
      ? new ReadAhead(list, request.maxChars, request.helperScript)
      : undefined;
  try {
    for (let i = 0; i < total && !shards; i++) {
      if (i % step === 0) onProgress({ done: i, total });
      const file = list[i];
      const id = documentIdOf(file);
      const known = cached.get(id);
      let stat: fs.Stats | undefined;
      if (known) {
        // Only a file the cache knows is stat'ed on its own: it is read only when its stamp changed.
        try {
          stat = fs.statSync(file);
        } catch {
          warnings.push(`${file}: no such file`);
          continue;
        }
        if (known.mtimeMs === stat.mtimeMs && known.size === stat.size && corpus.has(id)) {
          files.set(id, known);
          fromCache++;
          continue;
        }
      }
      const read = reader ? reader.take(i, warnings) : readForIndex(file, stat, request.maxChars, warnings);
      if (!read) continue;
      const { text, stamp, utf8 } = read;
      files.set(id, stamp);
      if (known && known.hash === stamp.hash && corpus.has(id)) {
        unchanged++;
        continue;
      }
      corpus.set(id, text, utf8, read.layout);
      indexed++;
    }
  } finally {
    reader?.close();
  }

  let removed = 0;
  for (const id of corpus.documentIds) {
    if (!files.has(id)) {
      corpus.delete(id);
      removed++;
    }
  }
  onProgress({ done: total, total });

  let cacheSaved = false;
  const changed = cacheMiss !== undefined || indexed > 0 || unchanged > 0 || removed > 0;
  if (request.cacheFile && changed) {
    try {
      writeIndexCache(request.cacheFile, settings, corpus, files);
      cacheSaved = true;
    } catch (e) {
      warnings.push(`could not save the index cache ${request.cacheFile}: ${(e as Error).message}`);
    }
  }
  return {
    corpus,
    files,
    fromCache,
    indexed,
    unchanged,
    removed,
    warnings,
    cacheMiss,
    cacheSaved,
    listed: list,
    sample,
    ...(shards ? { shards } : {}),
    ...(reader ? { readAhead: true as const } : {}),
  };
}
