import { execFile, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { median } from './median.js';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

/** One upload's figures, as uploadProgram prints them. */
interface UploadRun {
  readonly mode: string;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly ms: number;
  readonly maxRssMB: number;
}

interface Case {
  readonly label: string;
  readonly mode: string;
  readonly megabytes: number;
}

/**
 * Peak RSS of one process sending a generated stream of `megabytes` (each upload in a fresh
 * process, the server in another), `rounds` alternating rounds: @qlikit/rest's dataFiles.create,
 * the same program sending 1 MB (its footprint), and Node's fetch with and without
 * `redirect: 'error'` as anchors.
 */
export async function uploadMemory(megabytes: number, rounds: number): Promise<void> {
  const program = join(here, '.build', 'uploadProgram.mjs');
  await build({
    entryPoints: [join(here, 'uploadProgram.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    outfile: program,
    logLevel: 'error',
  });
  const sink = fork(join(here, 'uploadSink.mjs'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve) =>
      sink.stdout?.once('data', (data) => resolve(Number(String(data)))),
    );
    const url = `http://127.0.0.1:${port}`;
    const cases: Case[] = [
      { label: `@qlikit/rest dataFiles.create, ${megabytes} MB stream`, mode: 'qlikit', megabytes },
      { label: '@qlikit/rest dataFiles.create, 1 MB (footprint)', mode: 'qlikit', megabytes: 1 },
      { label: `fetch, ${megabytes} MB stream, redirect 'follow'`, mode: 'fetch', megabytes },
      {
        label: `fetch, ${megabytes} MB stream, redirect 'error'`,
        mode: 'fetch-redirect-error',
        megabytes,
      },
    ];
    const results = new Map<Case, UploadRun[]>(cases.map((c) => [c, []]));
    for (let round = 0; round < rounds; round++) {
      // Each round starts from another case, so that no case always follows the same one.
      for (let i = 0; i < cases.length; i++) {
        const item = cases[(round + i) % cases.length];
        const { stdout } = await run(process.execPath, [
          program,
          item.mode,
          url,
          String(item.megabytes),
        ]);
        const result = JSON.parse(stdout) as UploadRun;
        checkReceived(item, result);
        results.get(item)?.push(result);
      }
    }
    console.log(
      `\nUpload memory: peak RSS (maxRSS) of a fresh process sending a generated stream to a server in another process; ${rounds} alternating rounds, median [min–max]`,
    );
    console.log(`${'case'.padEnd(52)}${'peak RSS MB'.padStart(24)}${'seconds'.padStart(22)}`);
    for (const item of cases) {
      const runs = results.get(item) ?? [];
      const rss = runs.map((r) => r.maxRssMB);
      const seconds = runs.map((r) => r.ms / 1000);
      console.log(
        `${item.label.padEnd(52)}${spread(rss, 0).padStart(24)}${spread(seconds, 2).padStart(22)}`,
      );
    }
    const ours = median((results.get(cases[0]) ?? []).map((r) => r.maxRssMB));
    const footprint = median((results.get(cases[1]) ?? []).map((r) => r.maxRssMB));
    console.log(
      `  ${megabytes} MB upload peak ${ours.toFixed(0)} MB [target < 150 MB]; above the 1 MB footprint: ${(ours - footprint).toFixed(0)} MB`,
    );
  } finally {
    sink.kill();
  }
}

/** The server must have received every byte sent (multipart adds its few hundred bytes of framing). */
function checkReceived(item: Case, result: UploadRun): void {
  const framing = result.bytesReceived - result.bytesSent;
  const expected = item.mode === 'qlikit' ? framing > 0 && framing < 1024 : framing === 0;
  if (!expected)
    throw new Error(
      `${item.label}: sent ${result.bytesSent}, server received ${result.bytesReceived}`,
    );
}

function spread(values: readonly number[], digits: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(values).toFixed(digits)} [${sorted[0].toFixed(digits)}–${sorted.at(-1)?.toFixed(digits)}]`;
}
