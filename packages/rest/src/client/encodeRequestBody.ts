import type { Operation } from '../core/Operation.js';
import { QlikError } from '../errors/QlikError.js';
import { toBodySource, type BodySource } from '../files/BodySource.js';
import { isFileInput } from '../files/FileInput.js';
import { multipartBody, type MultipartFields } from '../files/multipartBody.js';

/** A request body ready to be opened once per attempt. */
export interface EncodedBody {
  readonly source: BodySource;
  readonly contentType: string;
  /** Small in-memory bodies (JSON, text, form) that need no streaming. */
  readonly bytes?: Uint8Array;
}

const encoder = new TextEncoder();

/** Encodes the `body` argument the way the operation sends it; undefined when there is none. */
export async function encodeRequestBody(
  operation: Operation,
  body: unknown,
): Promise<EncodedBody | undefined> {
  if (!operation.body || body === undefined) return undefined;
  const encoded = await encodeByKind(operation, body);
  return operation.contentType ? { ...encoded, contentType: operation.contentType } : encoded;
}

async function encodeByKind(operation: Operation, body: unknown): Promise<EncodedBody> {
  switch (operation.body) {
    case 'json':
      return bytes(JSON.stringify(body), 'application/json');
    case 'text':
      return bytes(String(body), 'text/plain;charset=UTF-8');
    case 'form':
      return bytes(formEncode(operation, body), 'application/x-www-form-urlencoded');
    case 'binary':
      if (!isFileInput(body)) throw invalid(operation, 'a Blob, Uint8Array, stream or { path }');
      return { source: await toBodySource(body), contentType: 'application/octet-stream' };
    case 'multipart':
      if (typeof body !== 'object' || body === null)
        throw invalid(operation, 'an object of form fields');
      return multipartBody(body as MultipartFields);
    default:
      throw invalid(operation, 'a known body kind');
  }
}

async function bytes(text: string, contentType: string): Promise<EncodedBody> {
  const encoded = encoder.encode(text);
  return { source: await toBodySource(encoded), contentType, bytes: encoded };
}

function formEncode(operation: Operation, body: unknown): string {
  if (typeof body !== 'object' || body === null)
    throw invalid(operation, 'an object of form fields');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  return params.toString();
}

function invalid(operation: Operation, expected: string): QlikError {
  return new QlikError('INVALID_ARGUMENT', `${operation.id}: \`body\` must be ${expected}`);
}
