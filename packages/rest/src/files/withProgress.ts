import type { CallOptions } from '../core/Operation.js';

/**
 * Passes a byte stream through unchanged, calling `onChunk` as each chunk is
 * taken and reporting the bytes that went by to `onProgress`. Pull-based, so
 * a chunk is taken only when the consumer (fetch sending it) asks for one.
 */
export function withProgress(
  stream: ReadableStream<Uint8Array>,
  total: number | undefined,
  onProgress: CallOptions['onProgress'],
  onChunk?: () => void,
): ReadableStream<Uint8Array> {
  if (!onProgress && !onChunk) return stream;
  const reader = stream.getReader();
  let loaded = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        loaded += value.byteLength;
        controller.enqueue(value);
        onChunk?.();
        onProgress?.(total === undefined ? { loaded } : { loaded, total });
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
