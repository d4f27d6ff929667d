import type { JsonKeySink } from './JsonRecordSplitter.js';

/**
 * Learns the union of the records' keys, in first-seen order, from the key
 * bytes the splitter passes. Records of one file mostly repeat the same keys
 * in the same order, so a key whose bytes equal the previous record's key at
 * the same place is known already and costs a byte comparison, no string.
 */
export class JsonKeyCollector implements JsonKeySink {
  private readonly seen = new Set<string>();
  /** The keys in first-seen order. */
  readonly names: string[] = [];
  /** The previous record's key bytes, by place in the record. */
  private readonly previous: Uint8Array[] = [];
  private place = 0;

  record(): void {
    this.place = 0;
  }

  /** The offset after the key opening at `start` when it repeats the previous record's key at this place; -1 otherwise. */
  knownKeyEnd(buf: Buffer, start: number): number {
    const before = this.previous[this.place];
    if (before === undefined || start + before.length > buf.length) return -1;
    for (let k = 0; k < before.length; k++) if (before[k] !== buf[start + k]) return -1;
    this.place++;
    // Equal bytes from the opening quote on: the string closes where the known key's does.
    return start + before.length;
  }

  key(buf: Buffer, start: number, end: number): void {
    const place = this.place++;
    const before = this.previous[place];
    if (before !== undefined && sameBytes(before, buf, start, end)) return;
    this.previous[place] = Uint8Array.prototype.slice.call(buf, start, end);
    // The bytes are a whole JSON string (quotes and escapes): JSON.parse reads it exactly.
    const name = JSON.parse(buf.toString('utf8', start, end)) as string;
    if (!this.seen.has(name)) {
      this.seen.add(name);
      this.names.push(name);
    }
  }
}

function sameBytes(known: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== buf[start + i]) return false;
  return true;
}
