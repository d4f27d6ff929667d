// Development probe: the shapes in process in a fresh process, round by round
// (wall / calling thread's CPU / the process's CPU, ms: the last includes the
// worker threads and V8's compiler threads; the calling thread's figure can be a
// scheduler tick off, see threadCpu.ts), optionally with DuckDB's query
// between rounds (DUCK=1), so the warm-up of the first rounds shows.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/rounds.ts [rows] [rounds] [filter]
import { DuckDBInstance } from '@duckdb/node-api';
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { collectWorkerGarbage } from '../../../packages/engine/src/parallel/engineThreads.js';
import { MODELS, createTableSql, loadedTable } from './benchData.js';
import { SHAPES, chartSql, cubeDefOf, fetchRowsOf, whereOf } from './shapes.js';
import { threadCpu } from '../threadCpu.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 12);
const filter = process.argv[4];
const gc = (globalThis as { gc?: () => void }).gc!;
const models = {
  flat: DataModel.fromTables(MODELS.flat.map((t) => loadedTable(t, rows))),
  star: DataModel.fromTables(MODELS.star.map((t) => loadedTable(t, rows))),
};
const duck = process.env.DUCK
  ? await (await DuckDBInstance.create(':memory:')).connect()
  : undefined;
if (duck)
  for (const spec of [...MODELS.flat, ...MODELS.star]) await duck.run(createTableSql(spec, rows));
for (const shape of SHAPES) {
  if (filter && !shape.name.includes(filter)) continue;
  const model = models[shape.model];
  const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
  const state = new SelectionState(model);
  const cells: string[] = [];
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const pick = shape.pick(r);
    if (duck) await duck.runAndReadAll(chartSql(shape, whereOf(pick)));
    gc();
    collectWorkerGarbage();
    const m0 = threadCpu!();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    state.selectValues(pick.field, pick.values);
    const cube = computeHyperCube(model, state.result(), def);
    void cube.layout.qDataPages[0]?.qMatrix;
    const wall = performance.now() - t0;
    // Past the warm-up, the quickest round: what the computation costs when nothing else runs.
    if (r >= 4) best = Math.min(best, wall);
    const used = process.cpuUsage(c0);
    const main = threadCpu!() - m0;
    cells.push(
      `${wall.toFixed(0)}/${main.toFixed(0)}/${((used.user + used.system) / 1000).toFixed(0)}`,
    );
  }
  console.log(
    `${shape.name.slice(0, 30).padEnd(30)} min ${best.toFixed(1)} ms | ${cells.join(' ')}`,
  );
}
