// The engine the shapes bench's client talks to, in a process of its own:
// two apps, `flat` and `star`, holding the bench's generated tables for the
// row count given as argv[2]. It prints nothing; it sends its URL over IPC
// once the data models are built, so their cost is not in the first answers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectWorkerGarbage } from '../../../packages/engine/src/parallel/engineThreads.js';
import { startEngine } from '../../../packages/engine/src/server/startEngine.js';
import { MODELS, type ModelName, loadedTable } from './benchData.js';

const rows = Number(process.argv[2]);
const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-bench-shapes-'));
const engine = await startEngine({ port: 0, dataDir });
for (const name of Object.keys(MODELS) as ModelName[]) {
  const app = await engine.apps.create(name, name);
  app.replaceData(
    MODELS[name].map((spec) => loadedTable(spec, rows)),
    {},
  );
  if (app.dataModel.tables.length === 0) throw new Error(`${name} has no tables`);
}
// Before each timed client run: this process's heap and its engine threads' heaps, as the bench
// collects its own. BENCH_NO_COLLECT=1 answers without collecting (what the collection costs the look).
const collects = process.env.BENCH_NO_COLLECT !== '1';
process.on('message', (message: unknown) => {
  if (message !== 'collect') return;
  if (collects) {
    (globalThis as { gc?: () => void }).gc?.();
    collectWorkerGarbage();
  }
  process.send!('collected');
});
process.on('disconnect', () => {
  // Exiting (rather than waiting for the loop to empty) lets a --cpu-prof profile be written.
  void engine
    .close()
    .then(() => rm(dataDir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
process.send!({ url: engine.url });
