// A cold build's reading, on a helper thread: the files of the list, in order, opened, read, hashed, decoded and
// laid out (layoutOf: passages, byte offsets, lines) while the thread that indexes tokenizes and posts the ones
// before. That is about a third of a cold build off the indexing thread, with nothing to merge afterwards: the
// index is built on one thread, in list order, exactly as without the helper. (The helper could tokenize too, with
// a vocabulary of its own that meets the words in the same order and so gives the same ids; tried, it then had
// four fifths of the work and the indexing thread waited for it.) A helper that fails or stalls is left behind and
// the rest read where it is needed.
import { receiveMessageOnPort, Worker, type MessagePort, MessageChannel } from 'node:worker_threads';
import { decodeUtf8 } from '../core/corpus/corpus';
import { layoutOf } from '../core/corpus/layout';
import { readForIndex, type FileRead } from './indexShards';

/** workerData of a reading helper. */
export interface ReadJob {
  files: string[];
  maxChars?: number;
  /** Int32 words: [PRODUCED] batches posted, [CONSUMED] batches taken, [STOP] set when the reads are no longer wanted. */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

/** One file of a batch: read (its text left out when its UTF-8 is there), or its warnings only (unreadable). */
interface ReadItem {
  read?: Omit<FileRead, 'text'> & { text?: string };
  warnings: string[];
}

type ReadMessage = { items: ReadItem[] } | { error: string };

const PRODUCED = 0;
const CONSUMED = 1;
const STOP = 2;
/** Files per message: one message costs about what reading a small file does. */
export const READ_BATCH = 32;
/**
 * Batches the reader may be ahead of the indexer: enough to ride out a pause on either side, few enough that the
 * texts waiting (~140 KB a batch here) stay small next to the index.
 */
const AHEAD = 8;

/** The reading helper's whole life: read every file in batches, never more than AHEAD ahead, then close. */
export function runReadJob(job: ReadJob): void {
  const counters = new Int32Array(job.shared);
  const post = (message: ReadMessage, transfer: ArrayBuffer[]): void => {
    try {
      job.port.postMessage(message, transfer);
    } catch {
      // A buffer that cannot be transferred (Node's small-buffer pool) makes the message a copy: correct, only slower.
      job.port.postMessage(message);
    }
    Atomics.add(counters, PRODUCED, 1);
    Atomics.notify(counters, PRODUCED);
  };
  try {
    const { files, maxChars } = job;
    for (let batch = 0, from = 0; from < files.length; batch++, from += READ_BATCH) {
      for (;;) {
        if (Atomics.load(counters, STOP) !== 0) return;
        const consumed = Atomics.load(counters, CONSUMED);
        if (batch - consumed < AHEAD) break;
        Atomics.wait(counters, CONSUMED, consumed, 1000);
      }
      const items: ReadItem[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const file of files.slice(from, from + READ_BATCH)) {
        const warnings: string[] = [];
        const read = readForIndex(file, undefined, maxChars, warnings);
        if (!read) {
          items.push({ warnings });
          continue;
        }
        const { text, utf8 } = read;
        const layout = layoutOf(text, utf8 !== undefined && utf8.length === text.length);
        // A text whose exact UTF-8 goes along is decoded again where it is indexed: cheaper than copying the string
        // through the message on both sides.
        items.push({ read: utf8 ? { stamp: read.stamp, utf8, layout } : { ...read, layout }, warnings });
        transfer.push(layout.passages.buffer as ArrayBuffer, layout.quotes.buffer as ArrayBuffer);
        if (utf8 && utf8.buffer instanceof ArrayBuffer) transfer.push(utf8.buffer);
      }
      post({ items }, transfer);
    }
  } catch (e) {
    post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, []);
  } finally {
    job.port.close();
  }
}

/** A reader that has sent nothing for this long is given up on, and the rest read where it is needed. */
const STALL_MS = 30_000;

/**
 * The reads of a list of files, taken in order (take(0), take(1), …), from a helper thread running `script` (a
 * bundle whose entry calls runReadJob for a ReadJob in its workerData).
 */
export class ReadAhead {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counters: Int32Array;
  /** The batch being taken from, and its first file's index. */
  private items: ReadItem[] = [];
  private first = 0;
  /** Set once the helper has failed or stalled: from then on, files are read here. */
  private gaveUp = false;

  constructor(
    private readonly files: string[],
    private readonly maxChars: number | undefined,
    script: string,
    private readonly stallMs = STALL_MS,
  ) {
    const shared = new SharedArrayBuffer(4 * 3);
    this.counters = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    const job: ReadJob = { files, maxChars, shared, port: port2 };
    this.worker = new Worker(script, { workerData: { read: job }, transferList: [port2] });
    this.worker.unref();
    this.port = port1;
  }

  /** The read of files[i] (its warnings added to `warnings`), or undefined when it cannot be read; i never goes back. */
  take(i: number, warnings: string[]): FileRead | undefined {
    while (!this.gaveUp && i >= this.first + this.items.length) if (!this.nextBatch()) this.close();
    if (this.gaveUp) return readForIndex(this.files[i], undefined, this.maxChars, warnings);
    const { warnings: more, read } = this.items[i - this.first];
    warnings.push(...more);
    if (!read) return undefined;
    // (The bytes are the text's exactly, past the byte-order marks decodeArticle dropped.)
    return { ...read, text: read.text ?? decodeUtf8(read.utf8!) };
  }

  /** Stops the helper (idempotent): when every file is taken, or indexing stopped early. */
  close(): void {
    if (this.gaveUp) return;
    this.gaveUp = true;
    Atomics.store(this.counters, STOP, 1);
    Atomics.notify(this.counters, CONSUMED);
    this.port.close();
    void this.worker.terminate();
  }

  // Takes the next batch, waiting for it; false when it will not come (the helper failed or stalled).
  private nextBatch(): boolean {
    let waited = 0;
    for (;;) {
      const message = receiveMessageOnPort(this.port)?.message as ReadMessage | undefined;
      if (message) {
        if ('error' in message) return false;
        this.first += this.items.length;
        this.items = message.items;
        Atomics.add(this.counters, CONSUMED, 1);
        Atomics.notify(this.counters, CONSUMED);
        return true;
      }
      if (waited >= this.stallMs) return false;
      const produced = Atomics.load(this.counters, PRODUCED);
      const started = performance.now();
      // Woken when a batch is posted (its message is on the port before its count goes up).
      if (Atomics.wait(this.counters, PRODUCED, produced, 100) === 'timed-out') waited += performance.now() - started;
    }
  }
}
