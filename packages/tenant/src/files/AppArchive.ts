import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { ApiError } from '../server/ApiError.js';

/** The first line of an app archive. */
const MAGIC = 'QLIKIT-APP 1\n';
/** Longest header line accepted while reading. */
const MAX_HEADER = 64 * 1024;

/** A file of an archive. */
export interface ArchiveFile {
  readonly name: string;
  readonly path: string;
}

/** What an archive holds: the tenant's metadata of the app, and its saved files. */
export interface AppArchiveContent {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly files: readonly ArchiveFile[];
}

/**
 * Writes an app export: a text first line, then each entry as one JSON header
 * line (`{"name","size"}`) followed by its bytes, the metadata first and an
 * end line last. Files are streamed from disk, one after the other, so an
 * export of any size takes constant memory.
 */
export function writeAppArchive(
  meta: Readonly<Record<string, unknown>>,
  files: readonly ArchiveFile[],
): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      out.write(MAGIC);
      const metaBytes = Buffer.from(JSON.stringify(meta));
      out.write(`${JSON.stringify({ name: 'meta.json', size: metaBytes.length })}\n`);
      out.write(metaBytes);
      for (const file of files) {
        const { size } = await stat(file.path);
        out.write(`${JSON.stringify({ name: file.name, size })}\n`);
        await pipeInto(createReadStream(file.path), out);
      }
      out.end(`${JSON.stringify({ end: true })}\n`);
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/**
 * Reads an app archive, writing each entry to its own file in `dir` as it
 * streams past (constant memory). Anything that is not such an archive — a
 * Qlik .qvf among them — is a 400; the files written so far are removed.
 */
export async function readAppArchive(source: Readable, dir: string): Promise<AppArchiveContent> {
  const files: ArchiveFile[] = [];
  let meta: Record<string, unknown> | undefined;
  let buffer: Buffer = Buffer.alloc(0);
  let pending:
    { name: string; remaining: number; sink: Writable | 'meta'; chunks: Buffer[] } | undefined;
  let magicSeen = false;
  let ended = false;
  const fail = (detail: string) =>
    ApiError.badRequest(`Not a qlikit app export: ${detail}`, 'APP-400');
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (pending) {
          const take = Math.min(pending.remaining, buffer.length);
          if (take > 0) {
            const part = buffer.subarray(0, take);
            if (pending.sink === 'meta') pending.chunks.push(Buffer.from(part));
            else if (!pending.sink.write(part))
              await new Promise((resolve) => (pending!.sink as Writable).once('drain', resolve));
            buffer = buffer.subarray(take);
            pending.remaining -= take;
          }
          if (pending.remaining > 0) break;
          if (pending.sink === 'meta')
            meta = JSON.parse(Buffer.concat(pending.chunks).toString('utf8')) as Record<
              string,
              unknown
            >;
          else await closeWritable(pending.sink);
          pending = undefined;
          continue;
        }
        const newline = buffer.indexOf(10);
        if (newline < 0) {
          if (buffer.length > MAX_HEADER) throw fail('header too long');
          break;
        }
        const line = buffer.subarray(0, newline + 1).toString('utf8');
        buffer = buffer.subarray(newline + 1);
        if (!magicSeen) {
          if (line !== MAGIC)
            throw fail('unknown format (only archives exported by a qlikit tenant are read)');
          magicSeen = true;
          continue;
        }
        if (ended) throw fail('bytes after the end');
        const header = parseHeader(line, fail);
        if ('end' in header) {
          ended = true;
          continue;
        }
        if (header.name === 'meta.json')
          pending = { name: header.name, remaining: header.size, sink: 'meta', chunks: [] };
        else {
          const path = join(dir, `${randomUUID()}-${header.name}`);
          files.push({ name: header.name, path });
          pending = {
            name: header.name,
            remaining: header.size,
            sink: createWriteStream(path, { flags: 'wx' }),
            chunks: [],
          };
        }
      }
    }
    if (!ended || pending || !meta) throw fail('truncated');
    return { meta, files };
  } catch (error) {
    if (pending && pending.sink !== 'meta') pending.sink.destroy();
    await Promise.all(files.map((file) => rm(file.path, { force: true })));
    if (error instanceof ApiError) throw error;
    throw fail(error instanceof Error ? error.message : String(error));
  }
}

function parseHeader(
  line: string,
  fail: (detail: string) => ApiError,
): { name: string; size: number } | { end: true } {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw fail('bad entry header');
  }
  if (typeof header === 'object' && header !== null && (header as { end?: unknown }).end === true)
    return { end: true };
  const { name, size } = header as { name?: unknown; size?: unknown };
  if (
    typeof name !== 'string' ||
    !/^[a-z]+\.[a-z]+$/.test(name) ||
    typeof size !== 'number' ||
    !Number.isSafeInteger(size) ||
    size < 0
  )
    throw fail('bad entry header');
  return { name, size };
}

function pipeInto(source: Readable, target: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    source.on('error', reject);
    source.on('end', resolve);
    source.pipe(target, { end: false });
  });
}

function closeWritable(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.once('error', reject);
    sink.end(resolve);
  });
}
