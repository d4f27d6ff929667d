import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  Download,
  downloadFromLocation,
  QlikNetworkError,
  QlikTimeoutError,
  type Operation,
} from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { patternChunk, patternHash, patternReadable } from '../helpers/bytes.js';
import { createDataFile, downloadTempContent, exportApp } from '../helpers/operations.js';

const CHUNK = 64 * 1024;
const CHUNKS = 128; // 8 MiB
const SIZE = CHUNK * CHUNKS;
const HASH = patternHash(CHUNKS, CHUNK);

/** Like POST /api/v1/temp-contents, answering with what it received so tests can check it. */
const upload: Operation = {
  id: 'uploadTempContent',
  method: 'POST',
  path: '/api/v1/temp-contents',
  queryParams: ['filename'],
  body: 'binary',
  response: 'json',
  tier: '2',
  limit: 100,
};

let dir: string;
let bigFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qlikit-rest-files-'));
  bigFile = join(dir, 'big.bin');
  await pipeline(patternReadable(CHUNKS, CHUNK), createWriteStream(bigFile));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({
    // Hashes the upload as it streams in: the server never holds it either.
    'POST /api/v1/temp-contents': async (req, res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of req) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).byteLength;
      }
      sendJson(
        res,
        201,
        {
          bytes,
          sha256: hash.digest('hex'),
          contentType: req.headers['content-type'],
          contentLength: req.headers['content-length'] ?? null,
        },
        { location: '/api/v1/temp-contents/t1' },
      );
    },
    'GET /api/v1/temp-contents/:id': async (req, res) => {
      const chunked = req.headers['x-chunked'] === '1';
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="app.qvf"`,
        ...(chunked ? {} : { 'content-length': String(SIZE) }),
      });
      await pipeline(patternReadable(CHUNKS, CHUNK), res);
    },
    'POST /api/v1/apps/:appId/export': (_req, res) => {
      res.writeHead(201, { location: `${server.url}/api/v1/temp-contents/export-1?inline=1` });
      res.end();
    },
  });
});
afterEach(() => server.close());

interface Received {
  bytes: number;
  sha256: string;
  contentType: string;
  contentLength: string | null;
}

describe('uploads', () => {
  it('streams 8 MiB from a Node Readable, with progress', async () => {
    const client = createClient({ host: server.url });
    const progress: number[] = [];
    const received = await client.request<Received>(
      upload,
      { body: patternReadable(CHUNKS, CHUNK) },
      {
        onProgress: (p) => progress.push(p.loaded),
      },
    );
    expect(received).toMatchObject({
      bytes: SIZE,
      sha256: HASH,
      contentType: 'application/octet-stream',
    });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(SIZE);
    expect(progress.every((loaded, i) => i === 0 || loaded > progress[i - 1])).toBe(true);
  });

  it('reads a stream only as fast as the server takes it (back-pressure, no buffering of the whole body)', async () => {
    const chunks = 512; // 32 MiB: more than socket and stream buffers can hold together
    let produced = 0;
    let resume: () => void = () => undefined;
    const serverMayRead = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let requestArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      requestArrived = resolve;
    });
    server.route('POST /api/v1/temp-contents', async (req, res) => {
      requestArrived();
      await serverMayRead;
      const hash = createHash('sha256');
      for await (const chunk of req) hash.update(chunk as Buffer);
      sendJson(res, 201, { sha256: hash.digest('hex') });
    });
    const source = new Readable({
      read() {
        this.push(produced < chunks ? patternChunk(produced++, CHUNK) : null);
      },
    });
    const client = createClient({ host: server.url });
    const pending = client.request<{ sha256: string }>(upload, { body: source });
    await arrived;
    // Let the client push until the buffers between it and the stalled server are full.
    let before = -1;
    while (before !== produced) {
      before = produced;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(produced).toBeLessThan(chunks);
    resume();
    await expect(pending).resolves.toEqual({ sha256: patternHash(chunks, CHUNK) });
    expect(produced).toBe(chunks);
  });

  it('keeps a slow upload alive while it makes progress, and times out one that stalls', async () => {
    // 20 chunks 20 ms apart: about 400 ms in all, longer than the 250 ms timeout.
    const trickle = (count: number, stallAfter = Infinity) =>
      Readable.from(
        (async function* () {
          for (let i = 0; i < count; i++) {
            if (i === stallAfter) await new Promise(() => undefined);
            await new Promise((resolve) => setTimeout(resolve, 20));
            yield patternChunk(i, 1024);
          }
        })(),
      );
    const client = createClient({ host: server.url, timeout: 250 });
    const started = Date.now();
    const received = await client.request<Received>(upload, { body: trickle(20) });
    expect(received).toMatchObject({ bytes: 20 * 1024, sha256: patternHash(20, 1024) });
    expect(Date.now() - started).toBeGreaterThan(250);
    const stalled = await client
      .request(upload, { body: trickle(20, 3) })
      .catch((error: unknown) => error);
    expect(stalled).toBeInstanceOf(QlikTimeoutError);
    expect(stalled).toMatchObject({ code: 'TIMEOUT', timeoutMs: 250 });
  });

  it('does not follow a redirect of a streamed upload (fetch would keep the whole body to resend it)', async () => {
    let calls = 0;
    server.route('POST /api/v1/temp-contents', async (req, res) => {
      calls += 1;
      for await (const _chunk of req);
      res.writeHead(307, { location: '/api/v1/temp-contents/elsewhere' });
      res.end();
    });
    const client = createClient({ host: server.url, retry: { minDelayMs: 1, maxDelayMs: 2 } });
    for (const body of [{ path: bigFile }, new Blob([patternChunk(1, CHUNK)])]) {
      calls = 0;
      const error = await client
        .request(upload, { body }, { retry: true })
        .catch((failure: unknown) => failure);
      expect(error).toMatchObject({ code: 'UNEXPECTED_REDIRECT' });
      expect((error as Error).message).toMatch(/redirect.*final URL/);
      expect(calls).toBe(1);
    }
  });

  it('streams 8 MiB from { path }, announcing its length', async () => {
    const client = createClient({ host: server.url });
    let total: number | undefined;
    const received = await client.request<Received>(
      upload,
      { body: { path: bigFile } },
      {
        onProgress: (p) => {
          total = p.total;
        },
      },
    );
    expect(received).toMatchObject({ bytes: SIZE, sha256: HASH, contentLength: String(SIZE) });
    expect(total).toBe(SIZE);
  });

  it('retries a { path } upload after a 503, since the file can be read again', async () => {
    let calls = 0;
    server.route('POST /api/v1/temp-contents', async (req, res) => {
      calls += 1;
      const hash = createHash('sha256');
      for await (const chunk of req) hash.update(chunk as Buffer);
      if (calls === 1) return sendJson(res, 503, { errors: [{ code: 'HTTP-503', title: 'busy' }] });
      sendJson(res, 201, { sha256: hash.digest('hex') });
    });
    const client = createClient({ host: server.url, retry: { minDelayMs: 1, maxDelayMs: 2 } });
    const received = await client.request<{ sha256: string }>(
      upload,
      { body: { path: bigFile } },
      { retry: true },
    );
    expect(received.sha256).toBe(HASH);
    expect(calls).toBe(2);
  });

  it('sends a web ReadableStream, a Blob and a Uint8Array', async () => {
    const client = createClient({ host: server.url });
    const bytes = new Uint8Array(patternChunk(7, CHUNK));
    const expected = createHash('sha256').update(bytes).digest('hex');
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 1000));
        controller.enqueue(bytes.subarray(1000));
        controller.close();
      },
    });
    for (const body of [web, new Blob([bytes]), bytes]) {
      const received = await client.request<Received>(upload, { body });
      expect(received).toMatchObject({ bytes: CHUNK, sha256: expected });
    }
  });

  it('builds a streamed multipart body that a standard parser reads back', async () => {
    server.route('POST /api/v1/data-files', async (req, res, ctx) => {
      const form = await new Response(await ctx.body(), {
        headers: { 'content-type': String(req.headers['content-type']) },
      }).formData();
      const file = form.get('File') as File;
      sendJson(res, 201, {
        json: JSON.parse(String(form.get('Json'))),
        fileName: file.name,
        fileType: file.type,
        fileHash: createHash('sha256')
          .update(Buffer.from(await file.arrayBuffer()))
          .digest('hex'),
        fileSize: file.size,
        declaredLength: req.headers['content-length'],
        receivedLength: (await ctx.body()).byteLength,
      });
    });
    const client = createClient({ host: server.url });
    const progress: number[] = [];
    const answer = await client.request<Record<string, unknown>>(
      createDataFile,
      {
        body: {
          Json: { name: 'sales/"2024".csv', folder: false },
          File: { file: { path: bigFile }, filename: 'big.bin', contentType: 'text/csv' },
        },
      },
      { onProgress: (p) => progress.push(p.loaded) },
    );
    expect(answer).toMatchObject({
      json: { name: 'sales/"2024".csv', folder: false },
      fileName: 'big.bin',
      fileType: 'text/csv',
      fileHash: HASH,
      fileSize: SIZE,
    });
    expect(Number(answer.declaredLength)).toBeGreaterThan(SIZE);
    expect(progress.at(-1)).toBe(Number(answer.declaredLength));
  });

  it('sends an in-memory multipart body (Blob file part) with its exact length, with and without progress', async () => {
    server.route('POST /api/v1/data-files', async (req, res, ctx) => {
      const raw = await ctx.body();
      const form = await new Response(raw, {
        headers: { 'content-type': String(req.headers['content-type']) },
      }).formData();
      const file = form.get('File') as File;
      sendJson(res, 201, {
        json: JSON.parse(String(form.get('Json'))),
        name: file.name,
        text: await file.text(),
        lengthMatches: Number(req.headers['content-length']) === raw.byteLength,
      });
    });
    const client = createClient({ host: server.url });
    const body = {
      Json: { name: 'a.csv' },
      File: new File(['id,name\n1,x\n'], 'a.csv', { type: 'text/csv' }),
    };
    const expected = {
      json: { name: 'a.csv' },
      name: 'a.csv',
      text: 'id,name\n1,x\n',
      lengthMatches: true,
    };
    await expect(client.request(createDataFile, { body })).resolves.toEqual(expected);
    const progress: number[] = [];
    await expect(
      client.request(createDataFile, { body }, { onProgress: (p) => progress.push(p.loaded) }),
    ).resolves.toEqual(expected);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('names a multipart file part after its path when no filename is given', async () => {
    server.route('POST /api/v1/data-files', async (req, res, ctx) => {
      const form = await new Response(await ctx.body(), {
        headers: { 'content-type': String(req.headers['content-type']) },
      }).formData();
      sendJson(res, 201, { name: (form.get('File') as File).name, text: form.get('note') });
    });
    const client = createClient({ host: server.url });
    const answer = await client.request(createDataFile, {
      body: { note: 'hello', File: { path: bigFile } },
    });
    expect(answer).toEqual({ name: 'big.bin', text: 'hello' });
  });
});

describe('downloads', () => {
  it('streams 8 MiB to a file with progress, reading name and length from headers', async () => {
    const client = createClient({ host: server.url });
    const progress: { loaded: number; total?: number }[] = [];
    const download = await client.request<Download>(
      downloadTempContent,
      { id: 't1' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(download).toBeInstanceOf(Download);
    expect(download).toMatchObject({
      contentLength: SIZE,
      filename: 'app.qvf',
      contentType: 'application/octet-stream',
    });
    const target = join(dir, 'downloaded.qvf');
    await expect(download.toFile(target)).resolves.toBe(SIZE);
    expect((await stat(target)).size).toBe(SIZE);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(target)) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(HASH);
    expect(progress.at(-1)).toEqual({ loaded: SIZE, total: SIZE });
    expect(() => download.stream()).toThrow(/already been read/);
  });

  it('streams a body without Content-Length as a web stream', async () => {
    const client = createClient({ host: server.url });
    const download = await client.request<Download>(
      downloadTempContent,
      { id: 't1' },
      { headers: { 'x-chunked': '1' } },
    );
    expect(download.contentLength).toBeUndefined();
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of download) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
    expect(bytes).toBe(SIZE);
    expect(hash.digest('hex')).toBe(HASH);
  });

  it('fails with a QlikNetworkError when the connection drops mid-body', async () => {
    server.route('GET /api/v1/temp-contents/:id', (req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(SIZE),
      });
      res.write(patternChunk(0, CHUNK), () => req.socket.destroy());
    });
    const client = createClient({ host: server.url });
    const download = await client.request<Download>(downloadTempContent, { id: 't1' });
    const error = await download.toFile(join(dir, 'partial.bin')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikNetworkError);
    expect(error).toMatchObject({
      code: 'NETWORK',
      method: 'GET',
      url: `${server.url}/api/v1/temp-contents/t1`,
    });
  });

  it('follows the Location of an app export to the file', async () => {
    const client = createClient({ host: server.url, auth: 'k' });
    const download = await downloadFromLocation(client, exportApp, { appId: 'a1' });
    expect(download.contentLength).toBe(SIZE);
    await download.discard();
    const fileRequest = server.seen('/api/v1/temp-contents/export-1')[0];
    expect(fileRequest.url.searchParams.get('inline')).toBe('1');
    expect(fileRequest.headers.authorization).toBe('Bearer k');
  });

  it('fails with BAD_RESPONSE when there is no Location', async () => {
    server.route('POST /api/v1/apps/:appId/export', (_req, res) => {
      res.writeHead(201);
      res.end();
    });
    const client = createClient({ host: server.url });
    await expect(downloadFromLocation(client, exportApp, { appId: 'a1' })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });
});
