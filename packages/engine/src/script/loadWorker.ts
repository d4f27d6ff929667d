// The thread that encodes the second half of a large CSV file while the
// loading thread encodes the first, or a whole JSON file (see LoadWorkerPool).
import { parentPort } from 'node:worker_threads';
import { partBuffers, type ColumnsPart } from './ColumnsPart.js';
import { encodeJsonFileHere } from './encodeJsonFile.js';
import type { LoadJob } from './LoadWorkerPool.js';
import { scanDelimitedRange } from './scanDelimitedRange.js';

const port = parentPort;
if (!port) throw new Error('loadWorker runs as a worker thread');
port.on('message', (job: LoadJob) => {
  const failed = (error: unknown) => port.postMessage({ error: String(error) });
  if (job.kind === 'json-file') {
    encodeJsonFileHere(job).then(
      (result) => port.postMessage({ result }, partBuffers(result?.part)),
      failed,
    );
    return;
  }
  scanDelimitedRange(job).then(
    (result: ColumnsPart | undefined) => port.postMessage({ result }, partBuffers(result)),
    failed,
  );
});
port.postMessage({ ready: true });
