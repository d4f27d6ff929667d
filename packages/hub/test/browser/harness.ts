import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { bundleBrowserScript } from '../../src/buildHub.js';

/** A static server of a directory on 127.0.0.1 (port 0), for test pages. */
export async function serveDirectory(
  dir: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.map': 'application/json',
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    readFile(join(dir, path === '/' ? 'index.html' : path.slice(1)))
      .then((body) =>
        response.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html' }).end(body),
      )
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The sheet harness page (the hub's sheet view on a bare engine) with its sheet spec, bundled into a temp dir and served. */
export async function serveSheetHarness(
  spec: unknown,
): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'qlikit-hub-harness-'));
  await bundleBrowserScript(join(import.meta.dirname, 'sheetHarness.ts'), join(dir, 'harness.js'));
  const css = await readFile(join(import.meta.dirname, '..', '..', 'web', 'hub.css'));
  await writeFile(join(dir, 'hub.css'), css);
  await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<link rel="stylesheet" href="hub.css"></head><body><script type="module" src="harness.js"></script></body></html>',
  );
  const server = await serveDirectory(dir);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
