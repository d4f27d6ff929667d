// Development probe: in-process timings of every shape at one size (not the bench).
// Run: node --conditions=source --import tsx bench/engine/shapes/probe.ts [rows] [filter]
import { DuckDBInstance } from '@duckdb/node-api';
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionResult } from '../../../packages/engine/src/selection/SelectionResult.js';
import { matchLiterals } from '../../../packages/engine/src/selection/matchLiterals.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { MODELS, loadedTable, createTableSql } from './benchData.js';
import { SHAPES, chartSql, cubeDefOf, fetchRowsOf, whereOf } from './shapes.js';
import { compareRows } from './compareRows.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const filter = process.argv[3];
const instance = await DuckDBInstance.create(':memory:');
const duck = await instance.connect();
const models = {
  flat: DataModel.fromTables(MODELS.flat.map((t) => loadedTable(t, rows))),
  star: DataModel.fromTables(MODELS.star.map((t) => loadedTable(t, rows))),
};
for (const spec of [...MODELS.flat, ...MODELS.star]) await duck.run(createTableSql(spec, rows));
const median = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)]!;
for (const shape of SHAPES) {
  if (filter && !shape.name.includes(filter)) continue;
  const model = models[shape.model];
  const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < 9; r++) {
    const pick = shape.pick(r);
    const t0 = performance.now();
    const field = model.field(pick.field);
    const state = SelectionResult.fromSelections(
      model,
      new Map([[field.index, { values: matchLiterals(field, [...pick.values]), locked: false }]]),
    );
    const cube = computeHyperCube(model, state, def);
    const t1 = performance.now();
    const result = (await duck.runAndReadAll(chartSql(shape, whereOf(pick)))).getRows();
    const t2 = performance.now();
    compareRows(shape.name, cube.layout.qDataPages[0]!.qMatrix, result);
    if (cube.layout.qSize.qcy !== Number(result[0]?.at(-1) ?? 0))
      throw new Error(`${shape.name}: ${cube.layout.qSize.qcy} rows, DuckDB ${result[0]?.at(-1)}`);
    if (r >= 2) {
      ours.push(t1 - t0);
      theirs.push(t2 - t1);
    }
  }
  console.log(
    `${shape.name.padEnd(42)} engine ${median(ours).toFixed(1).padStart(7)} ms  duck ${median(theirs).toFixed(1).padStart(7)} ms  ${(median(ours) / median(theirs)).toFixed(2)}x`,
  );
}
duck.closeSync();
instance.closeSync();
