import { request } from 'node:http';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAsset } from '../src/compressAsset.js';
import { hubPlugin } from '../src/hubPlugin.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('hub assets over HTTP', () => {
  let dir: string;
  let server: FastifyInstance;
  let base: string;
  // Big and repetitive, as a bundle is: compression must pay.
  const script = Array.from({ length: 5000 }, (_, i) => `export const v${i % 97} = ${i};`).join(
    '\n',
  );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-assets-'));
    await writeFile(join(dir, 'index.html'), '<html data-wid="%WEB_INTEGRATION_ID%"></html>');
    await writeFile(join(dir, 'hub.js'), script);
    await writeFile(join(dir, 'hub.css'), 'body { margin: 0 }');
    await compressAsset(join(dir, 'hub.js'));
    const hub = hubPlugin({ webIntegrationId: 'wid-"1"', assetsDir: dir });
    server = Fastify();
    await server.register(hub.plugin, hub.options);
    base = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the script brotli- or gzip-compressed as the request allows, each decoding to the file', async () => {
    const br = await get(`${base}/hub.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 4);

    const gz = await get(`${base}/hub.js`, { 'accept-encoding': 'gzip;q=0.8, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(`${base}/hub.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    // Each coding is its own body, so each has its own validator.
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('answers 304 without a body when the validator still matches, and the body again after a rebuild', async () => {
    const first = await get(`${base}/hub.js`, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await get(`${base}/hub.js`, {
      'accept-encoding': 'br',
      'if-none-match': `W/"other", ${etag}`,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    await writeFile(join(dir, 'hub.js'), `${script}\n// rebuilt`);
    await compressAsset(join(dir, 'hub.js'));
    const rebuilt = await get(`${base}/hub.js`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(rebuilt.status).toBe(200);
    expect(brotliDecompressSync(rebuilt.body).toString()).toBe(`${script}\n// rebuilt`);
  });

  it('sends each coding from memory after its first read: a same-size, same-time file on disk is not read again', async () => {
    const file = join(dir, 'hub.js.br');
    // A whole second, which utimes sets exactly.
    const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(file, time, time);
    const first = await get(`${base}/hub.js`, { 'accept-encoding': 'br' });
    const served = await readFile(file);
    expect(first.body.equals(served)).toBe(true);
    // Other bytes of the same length with the same time: only a reread could send them.
    await writeFile(file, Buffer.alloc(served.length, 0x20));
    await utimes(file, time, time);
    const again = await get(`${base}/hub.js`, { 'accept-encoding': 'br' });
    expect(again.body.equals(served)).toBe(true);
    expect(again.headers.etag).toBe(first.headers.etag);
    await writeFile(file, served);
  });

  it('sends a file that has no compressed copy as it is, and the page with its integration id', async () => {
    const css = await get(`${base}/hub.css`, { 'accept-encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body { margin: 0 }');
    const page = await get(`${base}/`, { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toBe('<html data-wid="wid-&quot;1&quot;"></html>');
  });
});
