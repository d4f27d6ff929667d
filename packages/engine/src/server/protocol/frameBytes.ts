import type { SplitText } from './SplitText.js';

// The UTF-8 bytes of shared bodies, by their text: many sessions send the same body (the patch
// between two cached layouts), so it is encoded once, not flattened and encoded per answer.
const bodies = new Map<string, Buffer>();
let bodyBytes = 0;
const BODIES_MAX_BYTES = 16 * 1024 * 1024;
// Bodies bigger than this are encoded per answer: one would crowd out the rest.
const BODY_KEPT_UP_TO = 1024 * 1024;

// Frames are cut from slabs, as Node's Buffer pool does for buffers under 4 KiB: one backing
// store for about ten answers instead of one each, which every scavenge would sweep. A slab is
// never written twice (frames are cut forward), so a frame still queued on a slow socket keeps
// its bytes; a slab goes when its last frame does. Small, so that the one a scavenge finds in
// use and later promotes is little old-generation garbage.
const SLAB_BYTES = 64 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function bodyOf(text: string): Buffer {
  let bytes = bodies.get(text);
  if (bytes !== undefined) return bytes;
  bytes = Buffer.from(text, 'utf8');
  if (bytes.length > BODY_KEPT_UP_TO) return bytes;
  if (bodyBytes + bytes.length > BODIES_MAX_BYTES) {
    bodies.clear();
    bodyBytes = 0;
  }
  bodies.set(text, bytes);
  bodyBytes += bytes.length;
  return bytes;
}

function take(size: number): Buffer {
  if (size > SLAB_BYTES / 4) return Buffer.allocUnsafeSlow(size);
  if (slabUsed + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const frame = slab.subarray(slabUsed, slabUsed + size);
  // Frames start 8-aligned, as the pool's buffers do.
  slabUsed = (slabUsed + size + 7) & ~7;
  return frame;
}

/** A split text's UTF-8 bytes in one buffer, the body's bytes copied from their cache. */
export function frameBytes(text: SplitText): Buffer {
  const body = bodyOf(text.body);
  const beforeBytes = Buffer.byteLength(text.before, 'utf8');
  const frame = take(beforeBytes + body.length + Buffer.byteLength(text.after, 'utf8'));
  frame.write(text.before, 0, 'utf8');
  body.copy(frame, beforeBytes);
  frame.write(text.after, beforeBytes + body.length, 'utf8');
  return frame;
}
