// A cold build of the corpus index spread over threads: the file list is cut into contiguous chunks that this
// thread and helper threads take from one queue, each chunk read and indexed into a Corpus of its own (a thread's
// chunks sharing its vocabulary), and the chunks are merged in order (core/corpus/merge.ts), which gives the index
// a single pass would have built.
//
// The caller is synchronous (indexCorpus runs inside the index worker, start to end), so it waits for its
// helpers without an event loop: each helper talks through a MessagePort read with receiveMessageOnPort, and
// counts files and says which phase it is in through shared memory watched with Atomics.wait.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { Corpus, type CorpusState } from '../core/corpus/corpus';
import type { DocumentLayout } from '../core/corpus/layout';
import { Vocabulary } from '../core/corpus/vocabulary';
import { mergeCorpusStates, renumberShard, VocabularyMerge } from '../core/corpus/merge';
import { analysedPart } from '../core/text/limit';
import { readArticle, statAndReadArticle, type ReadResult } from './files';
import { textHash, type FileStamp } from './indexCache';

/** The document id of an article file: its file URI, as the editor names it. */
export function documentIdOf(file: string): string {
  // pathToFileURL costs ~10 µs (it resolves the path and parses a URL), 0.1 s of a cold index at 10,000 files. An
  // absolute, normalised POSIX path of characters no URL escapes comes out as itself after "file://".
  if (PLAIN_PATH.test(file) && !DOT_SEGMENT.test(file) && process.platform !== 'win32') return 'file://' + file;
  return pathToFileURL(file).toString();
}
const PLAIN_PATH = /^(?:\/[A-Za-z0-9._+=,@-]+)+$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** What indexing one file needs, read: its text (with its exact UTF-8 bytes when the file had them) and stamp. */
export interface FileRead {
  text: string;
  stamp: FileStamp;
  utf8?: Uint8Array;
  /** The text's layout, when it was worked out with the read (by a reading helper: readAhead.ts). */
  layout?: DocumentLayout;
}

/**
 * An article's text as the index takes it (cut at `maxChars`) and its stamp; undefined when it cannot be read.
 * Without `stat`, the file is opened once for both (statAndReadArticle). Problems go to `warnings`.
 */
export function readForIndex(file: string, stat: fs.Stats | undefined, maxChars: number | undefined, warnings: string[]): FileRead | undefined {
  let read: ReadResult;
  if (stat) read = readArticle(file);
  else ({ stat, read } = statAndReadArticle(file));
  if (!read.ok || !stat) {
    warnings.push(`${file}: ${read.ok ? 'no such file' : read.error}`);
    return undefined;
  }
  if (read.warning) warnings.push(`${file}: ${read.warning}`);
  const text = maxChars === undefined ? read.text : analysedPart(read.text, maxChars);
  if (text.length < read.text.length) {
    const n = (x: number) => x.toLocaleString('en-US');
    warnings.push(`${file}: ${n(read.text.length)} characters; only the first ${n(text.length)} indexed (corroborate.maxAnalysisChars)`);
  }
  // The SHA-1 of the text is that of its UTF-8 bytes: hashed from the file's when it has them (no encoding again),
  // in one call (crypto.hash; a Hash object per file cost 8 µs more).
  const hash = read.utf8 ? sha1Hex(read.utf8) : textHash(read.text);
  const whole = text.length === read.text.length;
  return { text, stamp: { mtimeMs: stat.mtimeMs, size: stat.size, hash }, ...(whole && read.utf8 ? { utf8: read.utf8 } : {}) };
}

const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;
const sha1Hex = (bytes: Uint8Array): string => (oneShot ? oneShot('sha1', bytes, 'hex') : crypto.createHash('sha1').update(bytes).digest('hex'));

/** What indexing a list of files from nothing gives. */
export interface ShardOutcome {
  corpus: Corpus;
  /** The stamp of every indexed file, by document id, in list order. */
  files: Map<string, FileStamp>;
  warnings: string[];
}

/** Reads and indexes `files` into a new Corpus (sharing `vocabulary` when given), in order; `onFile` after each. */
export function indexFiles(files: string[], maxChars: number | undefined, onFile: () => void = () => {}, vocabulary?: Vocabulary): ShardOutcome {
  const corpus = new Corpus(undefined, vocabulary);
  const stamps = new Map<string, FileStamp>();
  const warnings: string[] = [];
  for (const file of files) {
    const read = readForIndex(file, undefined, maxChars, warnings);
    if (read) {
      const id = documentIdOf(file);
      stamps.set(id, read.stamp);
      corpus.set(id, read.text, read.utf8);
    }
    onFile();
  }
  return { corpus, files: stamps, warnings };
}

/**
 * How many threads a cold build uses by default: two with four cores or more (cores left over for what V8 runs
 * beside them: concurrent compiling and collecting, which a second isolate doubles); with fewer, one. Measured on
 * two cores, two threads were no faster than one (each isolate compiles the same code again and collects its own
 * heap, which took the second core one thread leaves for that) and held more memory: at 50k articles 775 MiB after
 * the build against 674, 965 MiB at the peak against 711; four threads peaked at 1,056 MiB, past the 1 GiB a 50k
 * corpus must stay under, so more than two are used only when asked for.
 */
export function defaultIndexThreads(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= 4 ? 2 : 1;
}

/** workerData of a helper thread (the index worker's script, started for one cold build). */
export interface ShardJob {
  /** Every file of the build; chunk c is files [cut(c), cut(c + 1)) of `chunks`. */
  files: string[];
  chunks: number;
  maxChars?: number;
  /** Int32 words: [FILES_DONE] files done by all threads, [NEXT_CHUNK] the next chunk to take, [PHASE + slot] this helper's phase. */
  shared: SharedArrayBuffer;
  slot: number;
  port: MessagePort;
}

const FILES_DONE = 0;
const NEXT_CHUNK = 1;
const PHASE = 1;
// A helper's phase; each message is on its port when the phase is set.
const STEMS_SENT = 1; // helper → { stems } (or { error }): no chunk is left to take, its own are indexed
const NUMBERS_SENT = 2; // caller → { remap, termCount }: where its vocabulary's terms go in the merged one
const SHARD_SENT = 3; // helper → { shards } (or { error }): its chunks renumbered, ready to merge

/** Chunk c of n files cut into `chunks`: files [cutOf(c), cutOf(c + 1)). */
const cutOf = (c: number, n: number, chunks: number): number => Math.floor((c * n) / chunks);

interface Chunk {
  chunk: number;
  state: CorpusState;
  files: [string, FileStamp][];
  warnings: string[];
}

type ShardMessage = { shards: Chunk[] } | { stems: { chunk: number; stems: string[] }[] } | { error: string };

/** A chunk one thread indexed, and the ids its thread's vocabulary gave the stems first met in it: [firstId, endId). */
interface Taken {
  chunk: number;
  shard: ShardOutcome;
  firstId: number;
  endId: number;
}

/**
 * Takes chunks from the shared queue and indexes each into a Corpus of its own until none is left; `onFile`
 * after each file. Threads that run faster (a quieter core) simply take more chunks. The chunks of one thread
 * share its vocabulary, so a term keeps one id in all of them; and since a thread takes chunks in increasing
 * order, the stems new to a chunk (in the order it met them) are all the merged vocabulary can newly learn from it.
 */
function takeChunks(files: string[], chunks: number, maxChars: number | undefined, counters: Int32Array, onFile: () => void): { taken: Taken[]; vocabulary: Vocabulary } {
  const vocabulary = new Vocabulary();
  const taken: Taken[] = [];
  for (;;) {
    const c = Atomics.add(counters, NEXT_CHUNK, 1);
    if (c >= chunks) return { taken, vocabulary };
    const part = files.slice(cutOf(c, files.length, chunks), cutOf(c + 1, files.length, chunks));
    const firstId = vocabulary.size;
    taken.push({ chunk: c, shard: indexFiles(part, maxChars, onFile, vocabulary), firstId, endId: vocabulary.size });
  }
}

/** A chunk's state renumbered through its thread's `remap` (stems dropped: the merge is given the merged ones). */
function renumbered(t: Taken, remap: Int32Array, termCount: number, trim: boolean): Chunk {
  const state = t.shard.corpus.state();
  const s = renumberShard(trim ? trimmed(state) : state, remap.subarray(0, state.df.length), termCount);
  return { chunk: t.chunk, state: { ...s, stems: [] }, files: [...t.shard.files], warnings: t.shard.warnings };
}

/**
 * A helper thread's whole life: index chunks while there are any, send their stems, renumber them into the
 * merged vocabulary when told how (so that work runs on every thread at once, not in the merge), and hand them
 * over (buffers transferred, not copied).
 */
export function runShardJob(job: ShardJob): void {
  const counters = new Int32Array(job.shared);
  const at = PHASE + job.slot;
  const send = (message: ShardMessage, phase: number, transfer: ArrayBuffer[] = []): void => {
    try {
      job.port.postMessage(message, transfer);
    } catch {
      // A buffer that cannot be transferred (Node's small-buffer pool) makes the message a copy: correct, only slower.
      job.port.postMessage(message);
    }
    Atomics.store(counters, at, phase);
    Atomics.notify(counters, at);
  };
  const failed = (e: unknown): ShardMessage => ({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  try {
    let taken: Taken[];
    let vocabulary: Vocabulary;
    try {
      ({ taken, vocabulary } = takeChunks(job.files, job.chunks, job.maxChars, counters, () => Atomics.add(counters, FILES_DONE, 1)));
    } catch (e) {
      send(failed(e), SHARD_SENT);
      return;
    }
    send({ stems: taken.map((t) => ({ chunk: t.chunk, stems: vocabulary.stems.slice(t.firstId, t.endId) })) }, STEMS_SENT);
    while (Atomics.load(counters, at) !== NUMBERS_SENT) Atomics.wait(counters, at, STEMS_SENT);
    const { remap, termCount } = receiveMessageOnPort(job.port)?.message as { remap: Int32Array; termCount: number };
    let message: ShardMessage;
    let transfer: ArrayBuffer[] = [];
    try {
      const shards = taken.map((t) => renumbered(t, remap, termCount, true));
      message = { shards };
      transfer = shards.flatMap((c) => buffersOf(c.state));
    } catch (e) {
      message = failed(e);
    }
    send(message, SHARD_SENT, transfer);
  } finally {
    job.port.close();
  }
}

/**
 * The state with each array that sits in a much larger buffer (a Growable's spare room, up to half of it)
 * copied out at its length, so the thread it goes to does not hold the spare room until the merge is done.
 */
function trimmed(state: CorpusState): CorpusState {
  const fit = <T extends ArrayBufferView & { slice(): T }>(a: T): T => (a.buffer.byteLength > a.byteLength * 1.1 + 4096 ? a.slice() : a);
  const p = state.postings;
  return {
    ...state,
    df: fit(state.df),
    postings: { pool: fit(p.pool), head: fit(p.head), tail: fit(p.tail), fill: fit(p.fill), blocks: fit(p.blocks) },
    firstPassage: fit(state.firstPassage),
    passageCount: fit(state.passageCount),
    sketches: fit(state.sketches),
    passageDocument: fit(state.passageDocument),
    passageStart: fit(state.passageStart),
    passageEnd: fit(state.passageEnd),
    passageByte: fit(state.passageByte),
    passageLine: fit(state.passageLine),
    passageLength: fit(state.passageLength),
    passageFlags: fit(state.passageFlags),
    tokenStart: fit(state.tokenStart),
    tokenCount: fit(state.tokenCount),
    tokens: fit(state.tokens),
  };
}

/** The distinct ArrayBuffers under a state's typed arrays. */
export function buffersOf(state: CorpusState): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const collect = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(state);
  return [...found];
}

/** A helper whose files stop being counted for this long is given up on, and its shard indexed by the caller. */
const STALL_MS = 30_000;

/** How long the shards took, for benchmarks: indexing (all threads, wall) and the merge. */
export interface ShardTimes {
  threads: number;
  indexMs: number;
  mergeMs: number;
}

/**
 * Chunks per thread: enough that a thread slowed by other work on the machine leaves some of its share to the
 * others, few enough that the chunks' arrays (freed at the merge) do not fragment the process's memory: eight per
 * thread kept 939 MiB resident after a 50k build on two threads, two kept 775.
 */
const CHUNKS_PER_THREAD = 2;
/** …but no chunk under this many files (each is a Corpus of its own, and merged). */
const CHUNK_AT_LEAST = 100;

/**
 * Reads and indexes `files` from nothing on `threads` threads (this one and helpers running `script`, a bundle
 * whose entry calls runShardJob for a ShardJob in its workerData), then merges: the outcome is the one
 * indexFiles would give on this thread alone. The files are cut into contiguous chunks that every thread takes
 * from one queue; `onProgress(done)` counts files over all threads.
 */
export function indexInShards(
  files: string[],
  maxChars: number | undefined,
  threads: number,
  script: string,
  onProgress: (done: number) => void = () => {},
): ShardOutcome & { times: ShardTimes } {
  const started = performance.now();
  const chunks = Math.max(threads, Math.min(threads * CHUNKS_PER_THREAD, Math.floor(files.length / CHUNK_AT_LEAST)));
  const shared = new SharedArrayBuffer(4 * (PHASE + threads));
  const counters = new Int32Array(shared);
  const helpers: { worker: Worker; port: MessagePort; slot: number }[] = [];
  for (let slot = 1; slot < threads; slot++) {
    const { port1, port2 } = new MessageChannel();
    const job: ShardJob = { files, chunks, maxChars, shared, slot, port: port2 };
    const worker = new Worker(script, { workerData: { shard: job }, transferList: [port2] });
    worker.unref();
    helpers.push({ worker, port: port1, slot });
  }
  const step = Math.max(1, Math.floor(files.length / 100));
  const report = () => onProgress(Atomics.load(counters, FILES_DONE));
  // Each thread's chunks (the caller's is thread 0), and the stems each chunk was first to meet in its thread.
  const takenBy = new Map<number, Taken[]>();
  const newStems: (string[] | undefined)[] = [];
  try {
    const own = takeChunks(files, chunks, maxChars, counters, () => Atomics.add(counters, FILES_DONE, 1) % step === 0 && report());
    takenBy.set(0, own.taken);
    for (const t of own.taken) newStems[t.chunk] = own.vocabulary.stems.slice(t.firstId, t.endId);
  } catch (e) {
    helpers.forEach((h) => void h.worker.terminate());
    throw e;
  }

  // Waits until a helper reaches `phase`; false when nothing has moved on any thread for STALL_MS.
  let lastSeen = -1;
  let lastChange = performance.now();
  const reach = (slot: number, phase: number): boolean => {
    for (;;) {
      const now = Atomics.load(counters, PHASE + slot);
      if (now >= phase) return true;
      Atomics.wait(counters, PHASE + slot, now, 100);
      report();
      let seen = 0;
      for (let i = 0; i < counters.length; i++) seen += Atomics.load(counters, i);
      if (seen !== lastSeen) [lastSeen, lastChange] = [seen, performance.now()];
      else if (performance.now() - lastChange > STALL_MS) return false;
    }
  };
  let failure: string | undefined;
  const fail = (received: ShardMessage | undefined, what: string): void => {
    failure ??= received && 'error' in received ? received.error : `a helper thread sent no ${what}`;
  };
  // Indexes chunks here, in increasing order with one vocabulary, as a helper that took them would have; the
  // same chunks in the same order give the same stems and ids (indexing is deterministic).
  const indexHere = (list: number[]): Taken[] => {
    const vocabulary = new Vocabulary();
    return list.map((c) => {
      const firstId = vocabulary.size;
      const shard = indexFiles(files.slice(cutOf(c, files.length, chunks), cutOf(c + 1, files.length, chunks)), maxChars, () => {}, vocabulary);
      lastChange = performance.now();
      return { chunk: c, shard, firstId, endId: vocabulary.size };
    });
  };
  const lateChunks: number[] = [];
  for (const { slot, port, worker } of helpers) {
    if (failure !== undefined) break;
    if (!reach(slot, STEMS_SENT)) {
      // Given up on; whatever it took is indexed here below.
      void worker.terminate();
      continue;
    }
    const received = receiveMessageOnPort(port)?.message as ShardMessage | undefined;
    if (!received || !('stems' in received)) {
      fail(received, 'stems');
      break;
    }
    takenBy.set(slot, received.stems.map((t) => ({ chunk: t.chunk, firstId: 0, endId: t.stems.length, shard: undefined as unknown as ShardOutcome })));
    for (const t of received.stems) newStems[t.chunk] = t.stems;
  }
  if (failure === undefined) {
    for (let c = 0; c < chunks; c++) if (!newStems[c]) lateChunks.push(c);
    if (lateChunks.length > 0) {
      const late = indexHere(lateChunks);
      takenBy.set(threads, late);
      const vocabulary = late[0].shard.corpus.vocabulary;
      for (const t of late) newStems[t.chunk] = vocabulary.stems.slice(t.firstId, t.endId);
    }
  }
  // The merged vocabulary, chunk by chunk in order, and for each thread where its terms go in it.
  const vocabulary = new VocabularyMerge();
  const globalIds: Int32Array[] = [];
  for (let c = 0; c < chunks && failure === undefined; c++) globalIds[c] = vocabulary.add(newStems[c]!);
  const termCount = vocabulary.stems.length;
  const remapOf = (taken: Taken[]): Int32Array => {
    const remap = new Int32Array(taken.reduce((n, t) => n + globalIds[t.chunk].length, 0));
    let at = 0;
    for (const t of taken) {
      remap.set(globalIds[t.chunk], at);
      at += globalIds[t.chunk].length;
    }
    return remap;
  };
  const results: (Chunk | undefined)[] = [];
  if (failure === undefined) {
    for (const { slot, port } of helpers) {
      const taken = takenBy.get(slot);
      if (!taken) continue;
      port.postMessage({ remap: remapOf(taken), termCount });
      Atomics.store(counters, PHASE + slot, NUMBERS_SENT);
      Atomics.notify(counters, PHASE + slot);
    }
    // This thread's chunks (and any indexed here for a helper) are renumbered while the helpers renumber theirs.
    for (const key of [0, threads]) {
      const taken = takenBy.get(key);
      if (!taken) continue;
      const remap = remapOf(taken);
      for (const t of taken) results[t.chunk] = renumbered(t, remap, termCount, false);
      takenBy.delete(key);
    }
  }
  for (const { slot, port, worker } of helpers) {
    const taken = takenBy.get(slot);
    if (failure !== undefined || !taken) continue;
    if (!reach(slot, SHARD_SENT)) {
      void worker.terminate();
      const remap = remapOf(taken);
      for (const t of indexHere(taken.map((t) => t.chunk))) results[t.chunk] = renumbered(t, remap, termCount, false);
      continue;
    }
    const received = receiveMessageOnPort(port)?.message as ShardMessage | undefined;
    if (received && 'shards' in received) received.shards.forEach((chunk) => (results[chunk.chunk] = chunk));
    else fail(received, 'shards');
  }
  helpers.forEach((h) => h.port.close());
  if (failure !== undefined) {
    helpers.forEach((h) => void h.worker.terminate());
    throw new Error(`indexing in ${threads} threads failed: ${failure}`);
  }
  onProgress(files.length);
  const indexed = performance.now();
  const shards: (CorpusState | undefined)[] = [];
  const stamps: [string, FileStamp][][] = [];
  const warnings: string[] = [];
  for (let c = 0; c < chunks; c++) {
    const chunk = results[c]!;
    shards.push(chunk.state);
    stamps.push(chunk.files);
    warnings.push(...chunk.warnings);
  }
  results.length = 0;
  const corpus = new Corpus(mergeCorpusStates(shards, vocabulary.stems));
  const merged = performance.now();
  return {
    corpus,
    files: new Map(stamps.flat()),
    warnings,
    times: { threads, indexMs: indexed - started, mergeMs: merged - indexed },
  };
}
