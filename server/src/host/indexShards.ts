// A cold build of the corpus index spread over threads: the file list is cut into contiguous shards, each
// read and indexed into a Corpus of its own (this thread takes the first, helper threads the others), and the
// shards are merged in order (core/corpus/merge.ts), which gives the index a single pass would have built.
//
// The caller is synchronous (indexCorpus runs inside the index worker, start to end), so it waits for its
// helpers without an event loop: each helper hands its shard back through a MessagePort read with
// receiveMessageOnPort, and counts files and says it is finished in shared memory watched with Atomics.wait.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { Corpus, type CorpusState } from '../core/corpus/corpus';
import { mergeCorpusStates, renumberShard, VocabularyMerge } from '../core/corpus/merge';
import { analysedPart } from '../core/text/limit';
import { readArticle } from './files';
import { textHash, type FileStamp } from './indexCache';

/** The document id of an article file: its file URI, as the editor names it. */
export const documentIdOf = (file: string): string => pathToFileURL(file).toString();

/**
 * An article's text as the index takes it (cut at `maxChars`) and its stamp; undefined when it cannot be read.
 * Problems go to `warnings`.
 */
export function readForIndex(file: string, stat: fs.Stats, maxChars: number | undefined, warnings: string[]): { text: string; stamp: FileStamp; utf8?: Uint8Array } | undefined {
  const read = readArticle(file);
  if (!read.ok) {
    warnings.push(`${file}: ${read.error}`);
    return undefined;
  }
  if (read.warning) warnings.push(`${file}: ${read.warning}`);
  const text = maxChars === undefined ? read.text : analysedPart(read.text, maxChars);
  if (text.length < read.text.length) {
    const n = (x: number) => x.toLocaleString('en-US');
    warnings.push(`${file}: ${n(read.text.length)} characters; only the first ${n(text.length)} indexed (corroborate.maxAnalysisChars)`);
  }
  // The SHA-1 of the text is that of its UTF-8 bytes: hashed from the file's when it has them (no encoding again).
  const hash = read.utf8 ? crypto.createHash('sha1').update(read.utf8).digest('hex') : textHash(read.text);
  const whole = text.length === read.text.length;
  return { text, stamp: { mtimeMs: stat.mtimeMs, size: stat.size, hash }, ...(whole && read.utf8 ? { utf8: read.utf8 } : {}) };
}

/** What indexing a list of files from nothing gives. */
export interface ShardOutcome {
  corpus: Corpus;
  /** The stamp of every indexed file, by document id, in list order. */
  files: Map<string, FileStamp>;
  warnings: string[];
}

/** Reads and indexes `files` into a new Corpus, in order; `onFile` after each. */
export function indexFiles(files: string[], maxChars: number | undefined, onFile: () => void = () => {}): ShardOutcome {
  const corpus = new Corpus();
  const stamps = new Map<string, FileStamp>();
  const warnings: string[] = [];
  for (const file of files) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      warnings.push(`${file}: no such file`);
    }
    const read = stat && readForIndex(file, stat, maxChars, warnings);
    if (read) {
      const id = documentIdOf(file);
      stamps.set(id, read.stamp);
      corpus.set(id, read.text, read.utf8);
    }
    onFile();
  }
  return { corpus, files: stamps, warnings };
}

/** How many threads a cold build uses by default: one per core, two to four. */
export function defaultIndexThreads(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, Math.min(4, cores));
}

/** workerData of a helper thread (the index worker's script, started for one shard). */
export interface ShardJob {
  files: string[];
  maxChars?: number;
  /** Int32 words: [0] files done by all helpers, [slot] set to 1 when this helper has posted its shard. */
  shared: SharedArrayBuffer;
  slot: number;
  port: MessagePort;
}

// A helper's slot in the shared counters goes through these phases; each message is on the port when its phase is set.
const STEMS_SENT = 1; // helper → { stems } (or { error }): its shard is indexed
const NUMBERS_SENT = 2; // caller → { remap, termCount }: where its terms go in the merged vocabulary
const SHARD_SENT = 3; // helper → { state, files, warnings } (or { error }): renumbered, ready to merge

type ShardMessage = { state: CorpusState; files: [string, FileStamp][]; warnings: string[] } | { stems: string[] } | { error: string };

/**
 * A helper thread's whole life: index its shard, send its stems, renumber the shard into the merged vocabulary
 * when told how (so that work runs on every thread at once, not in the merge), and hand it over (buffers
 * transferred, not copied).
 */
export function runShardJob(job: ShardJob): void {
  const counters = new Int32Array(job.shared);
  const send = (message: ShardMessage, phase: number, transfer: ArrayBuffer[] = []): void => {
    try {
      job.port.postMessage(message, transfer);
    } catch {
      // Some buffers (Node's small-buffer pool) cannot be transferred; copying them is correct, only slower.
      job.port.postMessage(message);
    }
    Atomics.store(counters, job.slot, phase);
    Atomics.notify(counters, job.slot);
  };
  const failed = (e: unknown): ShardMessage => ({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  try {
    let shard: ShardOutcome;
    try {
      shard = indexFiles(job.files, job.maxChars, () => Atomics.add(counters, 0, 1));
    } catch (e) {
      send(failed(e), SHARD_SENT);
      return;
    }
    send({ stems: shard.corpus.vocabulary.stems }, STEMS_SENT);
    while (Atomics.load(counters, job.slot) !== NUMBERS_SENT) Atomics.wait(counters, job.slot, STEMS_SENT);
    const { remap, termCount } = receiveMessageOnPort(job.port)?.message as { remap: Int32Array; termCount: number };
    let message: ShardMessage;
    let transfer: ArrayBuffer[] = [];
    try {
      const state = renumberShard(trimmed(shard.corpus.state()), remap, termCount);
      message = { state, files: [...shard.files], warnings: shard.warnings };
      transfer = buffersOf(state);
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
 * Reads and indexes `files` from nothing on `threads` threads (this one and helpers running `script`, a bundle
 * whose entry calls runShardJob for a ShardJob in its workerData), then merges: the outcome is the one
 * indexFiles would give on this thread alone. `onProgress(done)` counts files over all threads.
 */
export function indexInShards(
  files: string[],
  maxChars: number | undefined,
  threads: number,
  script: string,
  onProgress: (done: number) => void = () => {},
): ShardOutcome & { times: ShardTimes } {
  const started = performance.now();
  const shared = new SharedArrayBuffer(4 * (threads + 1));
  const counters = new Int32Array(shared);
  const cut = (k: number) => Math.floor((k * files.length) / threads);
  const helpers: { worker: Worker; port: MessagePort; slot: number }[] = [];
  for (let k = 1; k < threads; k++) {
    const { port1, port2 } = new MessageChannel();
    const job: ShardJob = { files: files.slice(cut(k), cut(k + 1)), maxChars, shared, slot: k, port: port2 };
    const worker = new Worker(script, { workerData: { shard: job }, transferList: [port2] });
    worker.unref();
    helpers.push({ worker, port: port1, slot: k });
  }
  const ownFiles = files.slice(0, cut(1));
  let own = 0;
  const step = Math.max(1, Math.floor(files.length / 100));
  const report = () => onProgress(own + Atomics.load(counters, 0));
  let first: ShardOutcome | undefined;
  try {
    first = indexFiles(ownFiles, maxChars, () => ++own % step === 0 && report());
  } finally {
    if (!first) helpers.forEach((h) => void h.worker.terminate());
  }
  const vocabulary = new VocabularyMerge();
  vocabulary.add(first.corpus.vocabulary.stems);
  const shards: (CorpusState | undefined)[] = [first.corpus.state()];
  const stamps: [string, FileStamp][][] = [[...first.files]];
  const warnings = [...first.warnings];
  first = undefined;

  // Waits until a helper reaches `phase`; false when nothing has moved on any thread for STALL_MS.
  let lastSeen = -1;
  let lastChange = performance.now();
  const reach = (slot: number, phase: number): boolean => {
    for (;;) {
      const now = Atomics.load(counters, slot);
      if (now >= phase) return true;
      Atomics.wait(counters, slot, now, 100);
      report();
      let seen = 0;
      for (let i = 0; i < counters.length; i++) seen += Atomics.load(counters, i);
      if (seen !== lastSeen) [lastSeen, lastChange] = [seen, performance.now()];
      else if (performance.now() - lastChange > STALL_MS) return false;
    }
  };
  // A helper that never started (or stopped) is not waited for: its shard is indexed here, numbered the same
  // (indexing is deterministic, so its stems come in the same order whether or not it had sent them).
  const remaps: Int32Array[] = [];
  const results: { state: CorpusState; files: [string, FileStamp][]; warnings: string[] }[] = [];
  const indexHere = (slot: number): void => {
    void helpers[slot - 1].worker.terminate();
    const shard = indexFiles(files.slice(cut(slot), cut(slot + 1)), maxChars);
    const remap = (remaps[slot] ??= vocabulary.add(shard.corpus.vocabulary.stems));
    results[slot] = { state: renumberShard(shard.corpus.state(), remap, vocabulary.stems.length), files: [...shard.files], warnings: shard.warnings };
    lastChange = performance.now();
  };
  let failure: string | undefined;
  for (const { slot, port } of helpers) {
    // Stems in shard order: each helper learns its numbering as soon as those before it are known.
    if (failure !== undefined) break;
    if (!reach(slot, STEMS_SENT)) {
      indexHere(slot);
      continue;
    }
    const received = receiveMessageOnPort(port)?.message as ShardMessage | undefined;
    if (!received || !('stems' in received)) {
      failure = received && 'error' in received ? received.error : 'a helper thread sent no stems';
      break;
    }
    const remap = (remaps[slot] = vocabulary.add(received.stems));
    port.postMessage({ remap, termCount: vocabulary.stems.length });
    Atomics.store(counters, slot, NUMBERS_SENT);
    Atomics.notify(counters, slot);
  }
  for (const { slot, port } of helpers) {
    if (failure !== undefined) break;
    if (results[slot]) continue;
    if (!reach(slot, SHARD_SENT)) {
      indexHere(slot);
      continue;
    }
    const received = receiveMessageOnPort(port)?.message as ShardMessage | undefined;
    port.close();
    if (received && 'state' in received) results[slot] = received;
    else failure = received && 'error' in received ? received.error : 'a helper thread sent no shard';
  }
  if (failure !== undefined) {
    helpers.forEach((h) => void h.worker.terminate());
    throw new Error(`indexing in ${threads} threads failed: ${failure}`);
  }
  for (const { slot } of helpers) {
    shards.push(results[slot].state);
    stamps.push(results[slot].files);
    warnings.push(...results[slot].warnings);
  }
  results.length = 0;
  onProgress(files.length);
  const indexed = performance.now();
  const corpus = new Corpus(mergeCorpusStates(shards, vocabulary.stems));
  const merged = performance.now();
  return {
    corpus,
    files: new Map(stamps.flat()),
    warnings,
    times: { threads, indexMs: indexed - started, mergeMs: merged - indexed },
  };
}
