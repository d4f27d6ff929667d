import { importNodeBuiltin } from '../core/importNodeBuiltin.js';
import { isFilePath, type FileInput } from './FileInput.js';

/**
 * A request body that can be opened as a byte stream, with its length when it
 * is known up front. `replayable` bodies can be opened again for a retry;
 * one-shot streams cannot.
 */
export interface BodySource {
  open(): Promise<ReadableStream<Uint8Array>>;
  readonly length: number | undefined;
  readonly replayable: boolean;
  /** File name to announce in a multipart part, when the input has one. */
  readonly filename: string | undefined;
  /**
   * The same content as a Blob, when it is one already or is in memory. Sent
   * as is when no progress is asked for: every browser uploads a Blob, few
   * upload a stream.
   */
  readonly blob?: Blob;
}

/** Wraps any `FileInput` as a `BodySource`, reading sizes of files on disk without reading them. */
export async function toBodySource(input: FileInput): Promise<BodySource> {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    return {
      open: async () => streamOfBytes(bytes),
      length: bytes.byteLength,
      replayable: true,
      filename: undefined,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    };
  }
  if (isBlob(input)) {
    const name = (input as { name?: unknown }).name;
    return {
      open: async () => input.stream() as ReadableStream<Uint8Array>,
      length: input.size,
      replayable: true,
      filename: typeof name === 'string' ? name : undefined,
      blob: input,
    };
  }
  if (input instanceof ReadableStream) return oneShot(input as ReadableStream<Uint8Array>);
  if (isFilePath(input)) return fileOnDisk(input.path);
  return oneShot(streamOfIterable(input));
}

function isBlob(value: FileInput): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function oneShot(stream: ReadableStream<Uint8Array>): BodySource {
  let opened = false;
  return {
    open: async () => {
      if (opened) throw new Error('a stream body can only be sent once');
      opened = true;
      return stream;
    },
    length: undefined,
    replayable: false,
    filename: undefined,
  };
}

async function fileOnDisk(path: string): Promise<BodySource> {
  const fs = await importNodeBuiltin<typeof import('node:fs')>('node:fs');
  const { size } = await fs.promises.stat(path);
  return {
    open: async () => streamOfIterable(fs.createReadStream(path, { highWaterMark: 256 * 1024 })),
    length: size,
    replayable: true,
    filename: path.split(/[\\/]/).pop(),
  };
}

function streamOfBytes(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Turns an async iterable of chunks (a Node Readable) into a pull-based web stream, so back-pressure holds. */
export function streamOfIterable(
  iterable: AsyncIterable<Uint8Array | string>,
): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else
        controller.enqueue(typeof value === 'string' ? encoder.encode(value) : toUint8Array(value));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

// Node Buffers are Uint8Arrays, but fetch wants plain views.
function toUint8Array(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array
    ? chunk
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
