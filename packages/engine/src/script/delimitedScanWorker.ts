// The thread that encodes the second half of a large delimited file while the
// loading thread encodes the first (see DelimitedScanPool).
import { parentPort } from 'node:worker_threads';
import { scanDelimitedRange, type DelimitedRangeJob } from './scanDelimitedRange.js';

const port = parentPort;
if (!port) throw new Error('delimitedScanWorker runs as a worker thread');
port.on('message', (job: DelimitedRangeJob) => {
  scanDelimitedRange(job).then(
    (result) => {
      const buffers = result?.columns.flatMap((c) => (c ? [c.indexes.buffer as ArrayBuffer] : []));
      port.postMessage({ result }, buffers ?? []);
    },
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
});
port.postMessage({ ready: true });
