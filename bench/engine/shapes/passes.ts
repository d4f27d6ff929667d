// Development probe: every shape in process, pass after pass over one model,
// printing each shape's median user and system CPU per pass, so a shape
// whose cost changes with what ran before it shows up.
// MARK=1 prints each round (to read beside --trace-gc).
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/passes.ts [rows] [passes] [filter]
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { collectWorkerGarbage } from '../../../packages/engine/src/parallel/engineThreads.js';
import { MODELS, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

const rows = Number(process.argv[2] ?? 10_000_000);
const passes = Number(process.argv[3] ?? 3);
const filter = process.argv[4];
const gc = (globalThis as { gc?: () => void }).gc!;
const models = {
  flat: DataModel.fromTables(MODELS.flat.map((t) => loadedTable(t, rows))),
  star: DataModel.fromTables(MODELS.star.map((t) => loadedTable(t, rows))),
};
const median = (l: number[]) => [...l].sort((a, b) => a - b)[l.length >> 1]!;
const shapes = SHAPES.filter((s) => !filter || s.name.includes(filter));
const table = new Map<string, string[]>(shapes.map((s) => [s.name, []]));
for (let pass = 0; pass < passes; pass++) {
  for (const shape of shapes) {
    const model = models[shape.model];
    const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
    const state = new SelectionState(model);
    const user: number[] = [];
    const system: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < 4; r++) {
      const pick = shape.pick(r);
      gc();
      if (process.env.MARK) console.log('@@ start');
      collectWorkerGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      state.selectValues(pick.field, pick.values);
      computeHyperCube(model, state.result(), def);
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      if (process.env.MARK)
        console.log(
          `@@ ${shape.name.slice(0, 12)} pass ${pass} round ${r}: ${(used.user / 1000).toFixed(0)}u ${(used.system / 1000).toFixed(0)}s wall ${wall.at(-1)!.toFixed(0)}`,
        );
      user.push(used.user / 1000);
      system.push(used.system / 1000);
    }
    table
      .get(shape.name)!
      .push(
        `${median(wall).toFixed(0).padStart(4)} ${median(user).toFixed(0).padStart(4)}u${median(system).toFixed(0).padStart(3)}s`,
      );
  }
  const m = process.memoryUsage();
  console.log(
    `pass ${pass} done: rss ${(m.rss / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}
for (const [name, cells] of table)
  console.log(`${name.slice(0, 38).padEnd(38)} ${cells.join(' | ')}`);
