// Worker thread entry (bundled as dist/indexWorker.js): indexes the corpus off the server's request path and
// hands the finished index back as transferable arrays, so hovers and diagnostics never wait behind it.
import { parentPort, workerData } from 'node:worker_threads';
import { indexCorpus, type IndexRequest } from './indexCorpus';
import { toMessage } from './backgroundIndex';
import { runShardJob, type ShardJob } from './indexShards';
import { runReadJob, type ReadJob } from './readAhead';

const helper = workerData as { shard?: ShardJob; read?: ReadJob } | undefined;
if (helper?.shard) {
  // A helper of a cold build spread over threads (indexShards.ts), started by the index worker itself.
  runShardJob(helper.shard);
} else if (helper?.read) {
  // The reader of a cold build on one thread (readAhead.ts), started by the index worker itself.
  runReadJob(helper.read);
} else if (parentPort) {
  const port = parentPort;
  try {
    const outcome = indexCorpus({ helperScript: __filename, ...(workerData as IndexRequest) }, (progress) => port.postMessage({ kind: 'progress', ...progress }));
    const { message, transfer } = toMessage(outcome);
    try {
      port.postMessage(message, transfer);
    } catch {
      // Some buffers (Node's small-buffer pool) cannot be transferred; copying them is correct, only slower.
      port.postMessage(message);
    }
  } catch (e) {
    port.postMessage({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
