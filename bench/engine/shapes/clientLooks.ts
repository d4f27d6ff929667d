// Development aid: the shapes bench's client column, this tree's engine
// against another tree's (e.g. an export of main), in one run. Each tree's
// engine runs in a process of its own (server.ts); an enigma.js session on
// each looks at the same charts as the bench's client does (select,
// GetLayout with the chart's first page; delta on), in alternating rounds with both
// servers' heaps collected before each look, and both trees' pages must be
// the same, cell by cell. Prints per tree the look's wall time, this
// process's CPU per look (enigma.js's part) and the round trips.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/clientLooks.ts
//        --base <dir> [--rows 1000000] [--rounds 15] [--only <text>]
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alternate, formatMs, summarize } from '../alternate.js';
import { option } from '../option.js';
import type { ModelName } from './benchData.js';
import { type ChartAnswer, type Client, openClients, startServer } from './benchClient.js';
import { SHAPES } from './shapes.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const ROUNDS = Number(option('--rounds') ?? 15);
const ONLY = option('--only');
const BASE = option('--base');
if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');
if (!BASE) throw new Error('--base <dir>: the tree to compare with (e.g. an export of main)');

/** The first quartile of a list: on a busy machine the median wanders, the quartile keeps to the undisturbed looks. */
function quartile(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)]!;
}

const trees = [
  { name: 'this tree', root: resolve(import.meta.dirname, '../../..') },
  { name: `base (${BASE})`, root: resolve(BASE) },
];
const servers = await Promise.all(trees.map((tree) => startServer(ROWS, tree.root)));
const clients: Record<ModelName, Client>[] = [];
for (const server of servers) clients.push(await openClients(server));
console.log(
  `client looks (select, GetLayout with the first page; enigma.js, delta on), ${ROWS.toLocaleString('en')} rows; medians of ${ROUNDS} alternating rounds [min–max], ms`,
);
try {
  for (const shape of SHAPES) {
    if (ONLY && !shape.name.includes(ONLY)) continue;
    const charts = await Promise.all(clients.map((byModel) => byModel[shape.model].chart(shape)));
    const answers: ChartAnswer[] = [];
    const phases: ChartAnswer['phases'][][] = trees.map(() => []);
    const looks: number[][] = trees.map(() => []);
    const timings = await alternate(
      trees.map((tree, t) => ({
        name: tree.name,
        settle: () => clients[t]![shape.model].collect(),
        run: async (round: number) => {
          answers[t] = await charts[t]!.look(shape.pick(round));
          if (round > 0) {
            phases[t]!.push(answers[t].phases);
            const { select, layout } = answers[t].phases;
            looks[t]!.push(select + layout);
          }
        },
        check: (round: number) => {
          if (t > 0) return;
          const [mine, base] = answers;
          if (mine!.rows !== base!.rows || !isDeepStrictEqual(mine!.matrix, base!.matrix))
            throw new Error(`${shape.name}, round ${round}: the trees' pages differ`);
        },
      })),
      ROUNDS,
    );
    console.log(shape.name);
    for (const [t, tree] of trees.entries()) {
      const { wall, cpu } = timings.get(tree.name)!;
      const of = (key: keyof ChartAnswer['phases']) =>
        summarize(phases[t]!.map((p) => p[key])).median.toFixed(2);
      console.log(
        `   ${tree.name.padEnd(28)} ${formatMs(wall, 2)} q1 ${quartile(looks[t]!).toFixed(2)}  client CPU ${cpu.median.toFixed(2)}  select ${of('select')}  GetLayout ${of('layout')}`,
      );
    }
    const [mine, base] = trees.map((tree) => timings.get(tree.name)!.wall.median);
    console.log(`   this / base: ${(mine! / base!).toFixed(2)}x`);
  }
} finally {
  for (const byModel of clients)
    await Promise.all(Object.values(byModel).map((client) => client.close()));
  for (const server of servers) server.child.disconnect();
}
