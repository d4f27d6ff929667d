// One upload in a fresh process, for bench/rest-client/uploadMemory.ts (bundled with esbuild first,
// so that no TypeScript loader sits in the measured process). Prints one JSON line:
// { mode, bytesSent, bytesReceived, ms, maxRssMB }.
//   uploadProgram.mjs <mode> <url> <megabytes>
// Modes: qlikit (dataFiles.create, multipart), fetch (Node's fetch, default redirect: 'follow'),
// fetch-redirect-error (Node's fetch, redirect: 'error').
import { createClient } from '@qlikit/rest';
import { createDataFile } from '@qlikit/rest/services/data-files';

const CHUNK = 64 * 1024;
const [mode, url, megabytes] = process.argv.slice(2);
const total = Number(megabytes) * 1024 * 1024;

/** A generated stream: fresh chunks made as they are pulled, so nothing of it exists up front. */
async function* generated(): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += CHUNK) {
    yield new Uint8Array(Math.min(CHUNK, total - sent)).fill(sent / CHUNK);
  }
}

function webStream(): ReadableStream<Uint8Array> {
  const chunks = generated();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

async function upload(): Promise<number> {
  if (mode === 'qlikit') {
    const client = createClient({ host: url, auth: 'bench-key' });
    const answer = await createDataFile(client, {
      body: { Json: { name: 'upload.bin' }, File: { file: generated(), filename: 'upload.bin' } },
    });
    return (answer as unknown as { size: number }).size;
  }
  const response = await fetch(`${url}/api/v1/data-files`, {
    method: 'POST',
    body: webStream(),
    duplex: 'half',
    redirect: mode === 'fetch-redirect-error' ? 'error' : 'follow',
  } as RequestInit);
  return ((await response.json()) as { size: number }).size;
}

const started = performance.now();
const bytesReceived = await upload();
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    mode,
    bytesSent: total,
    bytesReceived,
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
