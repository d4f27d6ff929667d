import type { CallOptions } from './Operation.js';
import { importNodeBuiltin } from './importNodeBuiltin.js';
import { QlikError } from '../errors/QlikError.js';
import { QlikNetworkError } from '../errors/QlikNetworkError.js';

/**
 * A binary response whose body has not been read yet. Read it once, by one of
 * `stream()`, `toFile()`, `arrayBuffer()`, `text()` or `for await`; progress
 * goes to the call's `onProgress` as bytes arrive.
 */
export class Download implements AsyncIterable<Uint8Array> {
  readonly status: number;
  readonly headers: Headers;
  /** Byte length from `Content-Length`, when the server sent it. */
  readonly contentLength: number | undefined;
  readonly contentType: string | undefined;
  /** File name from `Content-Disposition`, when the server sent one. */
  readonly filename: string | undefined;
  readonly #response: Response;
  readonly #onProgress: CallOptions['onProgress'];
  readonly #method: string;
  #consumed = false;

  constructor(response: Response, onProgress?: CallOptions['onProgress'], method = 'GET') {
    this.#response = response;
    this.#onProgress = onProgress;
    this.#method = method;
    this.status = response.status;
    this.headers = response.headers;
    this.contentLength = parseLength(response.headers.get('content-length'));
    this.contentType = response.headers.get('content-type') ?? undefined;
    this.filename = parseFilename(response.headers.get('content-disposition'));
  }

  /** The body as a web stream of bytes. */
  stream(): ReadableStream<Uint8Array> {
    if (this.#consumed) throw new TypeError('Download body has already been read');
    this.#consumed = true;
    const body = this.#response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    const toError = (cause: unknown) =>
      cause instanceof QlikError
        ? cause
        : new QlikNetworkError(this.#method, this.#response.url, { cause });
    return countBytes(
      body,
      (loaded) => {
        this.#onProgress?.(
          this.contentLength === undefined ? { loaded } : { loaded, total: this.contentLength },
        );
      },
      toError,
    );
  }

  /** Writes the body to a file (Node only), streaming with back-pressure; resolves with the byte count. */
  async toFile(path: string): Promise<number> {
    const [{ createWriteStream }, { pipeline }, { Readable }] = await Promise.all([
      importNodeBuiltin<typeof import('node:fs')>('node:fs'),
      importNodeBuiltin<typeof import('node:stream/promises')>('node:stream/promises'),
      importNodeBuiltin<typeof import('node:stream')>('node:stream'),
    ]);
    let written = 0;
    const counted = countBytes(this.stream(), (loaded) => {
      written = loaded;
    });
    await pipeline(
      Readable.fromWeb(counted as Parameters<typeof Readable.fromWeb>[0]),
      createWriteStream(path),
    );
    return written;
  }

  /** The whole body in memory; only for files known to be small. */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Response(this.stream()).arrayBuffer();
  }

  /** The whole body as UTF-8 text. */
  async text(): Promise<string> {
    return new Response(this.stream()).text();
  }

  /** Drops the body without reading it, freeing the connection. */
  async discard(): Promise<void> {
    if (this.#consumed) return;
    this.#consumed = true;
    await this.#response.body?.cancel();
  }

  /** Iterates the body's chunks. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const reader = this.stream().getReader();
    return {
      next: async () => {
        const { value, done } = await reader.read();
        return done ? { value: undefined, done: true } : { value, done: false };
      },
      return: async () => {
        await reader.cancel();
        return { value: undefined, done: true };
      },
    };
  }
}

// Pull-based, so back-pressure reaches the socket; a connection lost mid-body becomes a QlikNetworkError.
function countBytes(
  stream: ReadableStream<Uint8Array>,
  onBytes: (loaded: number) => void,
  toError: (cause: unknown) => unknown = (cause) => cause,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let loaded = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        controller.error(toError(cause));
        return;
      }
      if (result.done) {
        controller.close();
        return;
      }
      loaded += result.value.byteLength;
      controller.enqueue(result.value);
      onBytes(loaded);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function parseLength(header: string | null): number | undefined {
  if (header === null) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

function parseFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoded name falls back to the plain `filename` parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() : undefined;
}
