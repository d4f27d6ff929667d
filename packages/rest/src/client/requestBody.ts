import type { CallOptions } from '../core/Operation.js';
import { withProgress } from '../files/withProgress.js';
import type { EncodedBody } from './encodeRequestBody.js';

/** The body members of one attempt's fetch init. */
export interface RequestBodyInit {
  readonly body: BodyInit;
  /** Set for streamed bodies, which fetch requires to be sent half-duplex. */
  readonly duplex?: 'half';
  readonly redirect?: RequestRedirect;
}

/**
 * Opens the body of one attempt. Small in-memory bodies go as bytes. Larger
 * ones go as a stream where the platform can upload one (Node), so that each
 * chunk taken counts as progress for `onChunk` (the attempt's timeout) and
 * `onProgress`; browsers, which cannot upload streams, get a Blob when there
 * is one.
 *
 * Everything but bytes is sent with `redirect: 'error'`: to follow a redirect,
 * Node's fetch tees the body and keeps the unread copy, i.e. the whole upload
 * in memory (a one-shot stream could not be sent twice anyway).
 */
export async function requestBody(
  encoded: EncodedBody,
  streamUploads: boolean,
  onProgress: CallOptions['onProgress'],
  onChunk: () => void,
): Promise<RequestBodyInit> {
  const { source, bytes } = encoded;
  if (bytes && !onProgress) return { body: bytes as Uint8Array<ArrayBuffer> };
  if (source.blob && !onProgress && !streamUploads) return { body: source.blob, redirect: 'error' };
  const stream = withProgress(await source.open(), source.length, onProgress, onChunk);
  return { body: stream, duplex: 'half', redirect: 'error' };
}
