// The thread that encodes the second half of a large CSV or JSON file while
// the loading thread encodes the first (see LoadWorkerPool).
import { parentPort } from 'node:worker_threads';
import { partBuffers, type ColumnsPart } from './ColumnsPart.js';
import { encodeJsonRuns } from './encodeJsonRuns.js';
import type { LoadJob } from './LoadWorkerPool.js';
import { scanDelimitedRange } from './scanDelimitedRange.js';

const port = parentPort;
if (!port) throw new Error('loadWorker runs as a worker thread');
port.on('message', (job: LoadJob) => {
  const work: Promise<ColumnsPart | undefined> =
    job.kind === 'json' ? encodeJsonRuns(job) : scanDelimitedRange(job);
  work.then(
    (result) => port.postMessage({ result }, partBuffers(result)),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
});
port.postMessage({ ready: true });
