// Development aid: what the engine spends answering a chart's page as a
// client with delta on gets it (GetHyperCubeData: the page cut from the
// computed cube, the delta encoder's judgement against the page sent before,
// the answer's text and its UTF-8 bytes, as the socket writes them), per
// shape of the shapes bench. The cubes are computed before the timing, one
// per round's selection, so only the answer's own cost is timed. With
// `--base <dir>` a second tree's engine (e.g. an export of main) answers the
// same pages in the same process, alternating round by round, and both
// answers must be the same text.
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/clientPage.ts
//        [--rows 1000000] [--rounds 15] [--only <text>] [--base <dir>]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyJsonPatch } from '@qlikit/qix';
import { alternate, formatMs } from '../alternate.js';
import { option } from '../option.js';
import { MODELS, type ModelName, loadedTable } from './benchData.js';
import { SHAPES, cubeDefOf, fetchRowsOf } from './shapes.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const ROUNDS = Number(option('--rounds') ?? 15);
const ONLY = option('--only');
const BASE = option('--base');
if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');

/** One tree's engine: what answering a page takes. */
interface Engine {
  readonly name: string;
  /** The cube of each round's selection for a shape, computed ahead. */
  cubes(shapeIndex: number, rounds: number): unknown[];
  /** A fresh connection's encoder: answers GetHyperCubeData for a cube, delta on, as the text sent. */
  session(): (cube: unknown, page: object) => string;
}

async function engineOf(name: string, root: string): Promise<Engine> {
  const load = async (path: string) =>
    (await import(pathToFileURL(resolve(root, 'packages/engine/src', path)).href)) as Record<
      string,
      any
    >;
  const { DataModel } = await load('model/DataModel.ts');
  const { SelectionState } = await load('selection/SelectionState.ts');
  const { computeHyperCube } = await load('hypercube/computeHyperCube.ts');
  const { DeltaEncoder } = await load('server/connection/DeltaEncoder.ts');
  const { jsonText } = await load('server/protocol/jsonText.ts');
  const models = Object.fromEntries(
    (Object.keys(MODELS) as ModelName[]).map((model) => [
      model,
      DataModel.fromTables(MODELS[model].map((spec) => loadedTable(spec, ROWS))),
    ]),
  );
  return {
    name,
    cubes(shapeIndex, rounds) {
      const shape = SHAPES[shapeIndex]!;
      const state = new SelectionState(models[shape.model]);
      return Array.from({ length: rounds }, (_, round) => {
        const pick = shape.pick(round);
        state.selectValues(pick.field, pick.values);
        return computeHyperCube(models[shape.model], state.result(), cubeDefOf(shape, 0));
      });
    },
    session() {
      const delta = new DeltaEncoder();
      return (cube, page) => {
        const result = { qDataPages: (cube as any).getHyperCubeData([page]) };
        const patches = delta.encode(1, 'gethypercubedata', result) as string | undefined;
        const text =
          patches === undefined
            ? `"result":${jsonText(result)}`
            : `"delta":true,"result":${patches}`;
        return `{"jsonrpc":"2.0","id":7,${text}}`;
      };
    },
  };
}

/** What a client with delta on makes of the answers: the pages, as JSON, patched onto the last ones that came as a delta. */
class DeltaClient {
  private base: unknown;

  receive(answer: string): string {
    const message = JSON.parse(answer) as { delta?: boolean; result: { qDataPages: unknown } };
    if (!message.delta) return JSON.stringify(message.result.qDataPages);
    this.base = applyJsonPatch(this.base, message.result.qDataPages as never[]);
    return JSON.stringify(this.base);
  }
}

const engines = [await engineOf('this tree', resolve(import.meta.dirname, '../../..'))];
if (BASE) engines.push(await engineOf(`base (${BASE})`, resolve(BASE)));
console.log(
  `engine's part of a page answer (GetHyperCubeData, delta on), ${ROWS.toLocaleString('en')} rows; medians of ${ROUNDS} alternating rounds [min–max], CPU ms`,
);
for (const [index, shape] of SHAPES.entries()) {
  if (ONLY && !shape.name.includes(ONLY)) continue;
  const width = shape.dims.length + shape.measures.length;
  const rounds = ROUNDS + 1;
  const cubes = engines.map((engine) => engine.cubes(index, rounds));
  const sessions = engines.map((engine) => engine.session());
  const answers: string[][] = engines.map(() => []);
  const clients = engines.map(() => new DeltaClient());
  const timings = await alternate(
    engines.map((engine, e) => ({
      name: engine.name,
      run: (round: number) => {
        const cube = cubes[e]![round] as { layout: { qSize: { qcy: number } } };
        const page = {
          qTop: 0,
          qLeft: 0,
          qWidth: width,
          qHeight: Math.min(fetchRowsOf(shape), cube.layout.qSize.qcy),
        };
        const text = sessions[e]!(cube, page);
        // The socket writes the answer's UTF-8 bytes.
        Buffer.from(text);
        answers[e]![round] = text;
      },
      check: (round: number) => {
        const pages = answers.map((list, t) => clients[t]!.receive(list[round]!));
        if (pages.some((page) => page !== pages[0]))
          throw new Error(`${shape.name}, round ${round}: the trees' pages differ`);
      },
    })),
    ROUNDS,
  );
  const last = answers[0]!.at(-1)!;
  console.log(
    `${shape.name} — ${last.length.toLocaleString('en')} chars, ${last.includes('"delta":true') ? 'delta' : 'plain'}`,
  );
  for (const engine of engines) {
    const { cpu, wall } = timings.get(engine.name)!;
    console.log(`   ${engine.name.padEnd(40)} CPU ${formatMs(cpu, 2)}  wall ${formatMs(wall, 2)}`);
  }
}
