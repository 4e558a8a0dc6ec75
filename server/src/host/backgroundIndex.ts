// Runs indexCorpus off the server's request path: in a worker thread (dist/indexWorker.js), whose finished
// index comes back as transferred arrays; in-process when no worker script is beside this one (running from source).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Corpus, type CorpusState } from '../core/corpus/corpus';
import { indexCorpus, type IndexOutcome, type IndexProgress, type IndexRequest } from './indexCorpus';
import type { FileStamp } from './indexCache';
import { buffersOf } from './indexShards';

/** A running indexing job. */
export interface IndexJob {
  readonly done: Promise<IndexOutcome>;
  /** Stops the job (its promise then rejects with IndexCancelled); the cache is left as it was. */
  cancel(): void;
  /** Whether it runs in a worker thread. */
  readonly inWorker: boolean;
}

export class IndexCancelled extends Error {
  constructor() {
    super('indexing cancelled');
    this.name = 'IndexCancelled';
  }
}

type DoneMessage = { kind: 'done'; state: CorpusState; files: [string, FileStamp][] } & Omit<IndexOutcome, 'corpus' | 'files'>;
type WorkerMessage = ({ kind: 'progress' } & IndexProgress) | DoneMessage | { kind: 'error'; message: string };

/** The outcome as a message plus the buffers to transfer rather than copy. */
export function toMessage(outcome: IndexOutcome): { message: DoneMessage; transfer: ArrayBuffer[] } {
  const { corpus, files, ...rest } = outcome;
  const state = corpus.state();
  return { message: { kind: 'done', state, files: [...files], ...rest }, transfer: buffersOf(state) };
}

function fromMessage(message: DoneMessage): IndexOutcome {
  const { kind: _kind, state, files, ...rest } = message;
  return { corpus: new Corpus(state), files: new Map(files), ...rest };
}

/** Starts indexing; `workerScript` defaults to indexWorker.js beside the running bundle. */
export function indexInBackground(
  request: IndexRequest,
  onProgress: (p: IndexProgress) => void = () => {},
  workerScript: string = path.join(__dirname, 'indexWorker.js'),
): IndexJob {
  if (!fs.existsSync(workerScript)) return inProcess(request, onProgress);
  const worker = new Worker(workerScript, { workerData: request });
  let cancelled = false;
  const done = new Promise<IndexOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') onProgress({ done: m.done, total: m.total });
      else if (m.kind === 'done') settle(() => resolve(fromMessage(m)));
      else settle(() => reject(new Error(`indexing failed: ${m.message}`)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(cancelled ? new IndexCancelled() : new Error(`indexing worker exited (${code})`))));
  });
  return {
    done,
    inWorker: true,
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}

// Without a worker script the job runs on this thread, after the current request has been answered.
function inProcess(request: IndexRequest, onProgress: (p: IndexProgress) => void): IndexJob {
  let cancelled = false;
  const done = new Promise<IndexOutcome>((resolve, reject) => {
    setImmediate(() => {
      if (cancelled) return reject(new IndexCancelled());
      try {
        resolve(indexCorpus(request, onProgress));
      } catch (e) {
        reject(e);
      }
    });
  });
  return { done, inWorker: false, cancel: () => (cancelled = true) };
}
