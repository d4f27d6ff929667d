// Development aid: runs one shape in process N times (for --cpu-prof).
// Run: node --conditions=source --import tsx --cpu-prof bench/engine/shapes/profile.ts <rows> <shape text> [times]
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { MODELS, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

const rows = Number(process.argv[2]);
const shape = SHAPES.find((s) => s.name.includes(process.argv[3]!))!;
const times = Number(process.argv[4] ?? 20);
const model = DataModel.fromTables(MODELS[shape.model].map((t) => loadedTable(t, rows)));
const state = new SelectionState(model);
const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
const took: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < times; r++) {
  const pick = shape.pick(r);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  state.selectValues(pick.field, pick.values);
  computeHyperCube(model, state.result(), def);
  took.push(performance.now() - t0);
  const used = process.cpuUsage(c0);
  cpu.push((used.user + used.system) / 1000);
}
took.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(
  `${shape.name}: median ${took[took.length >> 1]!.toFixed(1)} ms, min ${took[0]!.toFixed(1)} ms; CPU median ${cpu[cpu.length >> 1]!.toFixed(1)} ms`,
);
