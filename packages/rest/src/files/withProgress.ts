import type { CallOptions } from '../core/Operation.js';

/** Passes a byte stream through unchanged, reporting the bytes that went by to `onProgress`. */
export function withProgress(
  stream: ReadableStream<Uint8Array>,
  total: number | undefined,
  onProgress: CallOptions['onProgress'],
): ReadableStream<Uint8Array> {
  if (!onProgress) return stream;
  let loaded = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress(total === undefined ? { loaded } : { loaded, total });
      },
    }),
  );
}
