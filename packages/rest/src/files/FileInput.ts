/** A file on disk, read as a stream when the request is sent (Node only). */
export interface FilePath {
  readonly path: string;
}

/** A Node.js Readable or any other async iterable of byte chunks. */
export type ByteIterable = AsyncIterable<Uint8Array>;

/** Anything an upload can be sent from; streams and paths are never read whole into memory. */
export type FileInput =
  Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | ByteIterable | FilePath;

/** A file part of a multipart body with its name and type as the server should see them. */
export interface NamedFile {
  readonly file: FileInput;
  readonly filename?: string;
  readonly contentType?: string;
}

/** Tells whether a value is something an upload can be read from. */
export function isFileInput(value: unknown): value is FileInput {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return true;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Symbol.asyncIterator in value) return true;
  return isFilePath(value);
}

/** Tells whether a value is `{ path }` (optionally with `filename`/`contentType`) and nothing else. */
export function isFilePath(value: object): value is FilePath {
  const record = value as Record<string, unknown>;
  return (
    typeof record.path === 'string' &&
    Object.keys(record).every(
      (key) => key === 'path' || key === 'filename' || key === 'contentType',
    )
  );
}

/** Tells whether a value is a `NamedFile` wrapper around a file input. */
export function isNamedFile(value: unknown): value is NamedFile {
  return typeof value === 'object' && value !== null && 'file' in value && isFileInput(value.file);
}
