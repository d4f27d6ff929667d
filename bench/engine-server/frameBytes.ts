// Development aid for bench/engine-server: what writing a GetLayout delta answer costs the
// engine's process, two ways, in alternating rounds: the answer's text joined around the
// shared patch and encoded by `Buffer.from` (what `ws.send(text)` does with a string: the
// patch copied into a new string per answer, then encoded into a new buffer), against
// `frameBytes` (the patch's bytes encoded once, copied into a frame cut from a slab). The
// patches are the engine's own for the bench's 64 airport moves.
// Run: node --max-semi-space-size=64 --conditions=source --import tsx bench/engine-server/frameBytes.ts
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { seedDemoApps, startEngine } from '@qlikit/engine';
import { frameBytes } from '../../packages/engine/src/server/protocol/frameBytes.js';
import { recordAnswers } from './floor.js';
import { median } from './stats.js';

const ANSWERS = 100_000;
const require = createRequire(import.meta.url);
const engine = await startEngine({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'qlikit-fb-')) });
await seedDemoApps(engine.apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
const recorded = await recordAnswers(engine.url);
await engine.close();
// Each patch as one string, as the engine's pair memo holds it.
const patches = Object.values(recorded.layout).map((text) =>
  Buffer.from(text.slice(text.indexOf('[') + 1, text.lastIndexOf(']'))).toString(),
);
const before = (id: number) => `{"jsonrpc":"2.0","id":${id},"delta":true,"result":{"qLayout":[`;
const ways = {
  'joined text, Buffer.from': (id: number, patch: string) =>
    Buffer.from(`${before(id)}${patch}]}}`).length,
  frameBytes: (id: number, patch: string) =>
    frameBytes({ before: before(id), body: patch, after: ']}}' }).length,
};
const figures = new Map(Object.keys(ways).map((name) => [name, [] as number[]]));
let bytes = 0;
for (let round = 0; round < 6; round++) {
  for (const [name, write] of round % 2 ? Object.entries(ways).reverse() : Object.entries(ways)) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < ANSWERS; i++) bytes += write(i, patches[i % patches.length]!);
    const used = process.cpuUsage(cpu);
    figures.get(name)!.push((used.user + used.system) / ANSWERS);
  }
}
for (const [name, cpu] of figures)
  console.log(
    `${name.padEnd(26)} ${median(cpu).toFixed(2)} [${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)}] µs CPU per answer ` +
      `(median [min–max] of 3 alternating rounds of ${ANSWERS}; patches of ${(patches[0]!.length / 1024).toFixed(1)} KB; ${bytes} bytes written in all)`,
  );
