// Development probe: one shape in process on two engine source trees in one
// process — this checkout's and another (say main's, unpacked with
// `git archive <sha> packages/engine tsconfig.base.json | tar -x -C /tmp/old`
// and `ln -s $PWD/node_modules /tmp/old/`; without the tsconfig files tsx
// compiles the tree differently and it runs slower) — alternating rounds
// (order rotating, GC before each), each tree on a model of its own; the layouts' JSON texts are
// compared every round. Prints medians [min–max] of wall time and the calling
// thread's CPU, the process's system CPU and minor page faults, and new / old.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/abTrees.ts
//        --against /tmp/old/packages/engine/src [--rows 1000000] [--rounds 15] [--only <text>] [--first old|new]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODELS, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';
import { threadCpu } from '../threadCpu.js';
import { option } from '../option.js';

const against = option('--against');
if (!against) throw new Error('give --against <another tree>/packages/engine/src');
const rows = Number(option('--rows') ?? 1_000_000);
const rounds = Number(option('--rounds') ?? 15);
const only = option('--only') ?? '100,000';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const shape = SHAPES.find((s) => s.name.includes(only));
if (!shape) throw new Error(`no shape matches ${only}`);

interface Tree {
  readonly name: string;
  readonly run: (round: number) => unknown;
}

async function tree(name: string, src: string): Promise<Tree> {
  const load = (path: string) => import(pathToFileURL(resolve(src, path)).href);
  const { DataModel } = await load('model/DataModel.ts');
  const { SelectionState } = await load('selection/SelectionState.ts');
  const { computeHyperCube } = await load('hypercube/computeHyperCube.ts');
  const model = DataModel.fromTables(MODELS[shape!.model].map((t) => loadedTable(t, rows)));
  const state = new SelectionState(model);
  const def = cubeDefOf(shape!, fetchRowsOf(shape!));
  return {
    name,
    run: (round) => {
      const pick = shape!.pick(round);
      state.selectValues(pick.field, pick.values);
      return computeHyperCube(model, state.result(), def).layout;
    },
  };
}

// Loaded in the order given by --first (old or new): a tree loaded second has measured a little quicker.
const here = resolve(import.meta.dirname, '../../../packages/engine/src');
const newFirst = option('--first') === 'new';
const loaded = newFirst
  ? [await tree('new', here), await tree('old', against)]
  : [await tree('old', against), await tree('new', here)];
const trees = newFirst ? [loaded[1]!, loaded[0]!] : loaded;
const wall = trees.map(() => [] as number[]);
const cpu = trees.map(() => [] as number[]);
const sys = trees.map(() => [] as number[]);
const faults = trees.map(() => [] as number[]);
const warmups = 6;
for (let r = 0; r < warmups + rounds; r++) {
  const layouts: unknown[] = [];
  for (let k = 0; k < trees.length; k++) {
    const t = (k + r) % trees.length;
    gc();
    const u0 = process.resourceUsage();
    const c0 = threadCpu ? threadCpu() : 0;
    const t0 = performance.now();
    const layout = trees[t]!.run(r);
    const took = performance.now() - t0;
    const used = threadCpu ? threadCpu() - c0 : NaN;
    const u1 = process.resourceUsage();
    layouts[t] = JSON.stringify(layout);
    if (r >= warmups) {
      wall[t]!.push(took);
      cpu[t]!.push(used);
      sys[t]!.push((u1.systemCPUTime - u0.systemCPUTime) / 1000);
      faults[t]!.push(u1.minorPageFault - u0.minorPageFault);
    }
  }
  if (layouts[0] !== layouts[1]) throw new Error(`round ${r}: the layouts differ`);
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
const range = (list: number[]) =>
  `${median(list).toFixed(2)} [${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)}]`;
console.log(`${shape.name}, ${rows.toLocaleString('en')} rows, ${rounds} alternating rounds`);
for (const [t, { name }] of trees.entries())
  console.log(
    `${name.padEnd(4)} wall ${range(wall[t]!)} ms  thread CPU ${range(cpu[t]!)} ms  ` +
      `system CPU ${range(sys[t]!)} ms  faults ${range(faults[t]!).replace(/\.00/g, '')}`,
  );
console.log(
  `new/old: wall ${(median(wall[1]!) / median(wall[0]!)).toFixed(2)}x, thread CPU ${(median(cpu[1]!) / median(cpu[0]!)).toFixed(2)}x`,
);
