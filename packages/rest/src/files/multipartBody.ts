import { toBodySource, type BodySource } from './BodySource.js';
import { isFileInput, isNamedFile, type FileInput, type NamedFile } from './FileInput.js';

/**
 * One field of a multipart body: text for scalars, a JSON part for objects, a
 * streamed file part for file inputs (wrap in `NamedFile` to set its name/type).
 */
export type MultipartValue =
  string | number | boolean | FileInput | NamedFile | object | null | undefined;

/** The `body` argument of a multipart operation: field name → value. */
export type MultipartFields = Readonly<Record<string, MultipartValue>>;

interface Part {
  readonly head: Uint8Array;
  readonly content: BodySource;
}

const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');

/**
 * Builds a `multipart/form-data` body as a stream: file parts are streamed from
 * their source as the request is sent, never read whole. The length is known
 * when every file's size is.
 */
export async function multipartBody(
  fields: MultipartFields,
): Promise<{ source: BodySource; contentType: string }> {
  const boundary = `----qlikit${crypto.randomUUID().replace(/-/g, '')}`;
  const parts: Part[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    parts.push(await toPart(name, value));
  }
  const closing = encoder.encode(`--${boundary}--\r\n`);
  const opening = encoder.encode(`--${boundary}\r\n`);
  const length = parts.reduce<number | undefined>((sum, part) => {
    if (sum === undefined || part.content.length === undefined) return undefined;
    return sum + opening.byteLength + part.head.byteLength + part.content.length + CRLF.byteLength;
  }, closing.byteLength);
  const source: BodySource = {
    open: async () => streamOfChunks(partChunks(parts, opening, closing)),
    length,
    replayable: parts.every((part) => part.content.replayable),
    filename: undefined,
    blob: inMemoryBlob(parts, opening, closing),
  };
  return { source, contentType: `multipart/form-data; boundary=${boundary}` };
}

// A Blob made of Blobs references them without copying: the multipart body costs no memory of its own.
function inMemoryBlob(
  parts: readonly Part[],
  opening: Uint8Array,
  closing: Uint8Array,
): Blob | undefined {
  if (!parts.every((part) => part.content.blob)) return undefined;
  const pieces: BlobPart[] = [];
  for (const part of parts)
    pieces.push(
      opening as Uint8Array<ArrayBuffer>,
      part.head as Uint8Array<ArrayBuffer>,
      part.content.blob as Blob,
      CRLF,
    );
  pieces.push(closing as Uint8Array<ArrayBuffer>);
  return new Blob(pieces);
}

async function toPart(name: string, value: MultipartValue): Promise<Part> {
  if (isNamedFile(value) || isFileInput(value)) {
    const file = isNamedFile(value) ? value : { file: value };
    const content = await toBodySource(file.file);
    const filename = file.filename ?? content.filename ?? name;
    const type = file.contentType ?? 'application/octet-stream';
    return { head: header(name, type, filename), content };
  }
  const isJson = typeof value === 'object';
  const text = isJson ? JSON.stringify(value) : String(value);
  return {
    head: header(name, isJson ? 'application/json' : undefined, undefined),
    content: await toBodySource(encoder.encode(text)),
  };
}

function header(
  name: string,
  contentType: string | undefined,
  filename: string | undefined,
): Uint8Array {
  const disposition = `form-data; name="${quote(name)}"${filename === undefined ? '' : `; filename="${quote(filename)}"`}`;
  const type = contentType ? `Content-Type: ${contentType}\r\n` : '';
  return encoder.encode(`Content-Disposition: ${disposition}\r\n${type}\r\n`);
}

// Quotes and line breaks would end the header value early.
function quote(value: string): string {
  return value.replace(/["\r\n]/g, (char) => encodeURIComponent(char));
}

async function* partChunks(
  parts: readonly Part[],
  opening: Uint8Array,
  closing: Uint8Array,
): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    yield opening;
    yield part.head;
    const reader = (await part.content.open()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield value;
    }
    yield CRLF;
  }
  yield closing;
}

function streamOfChunks(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
