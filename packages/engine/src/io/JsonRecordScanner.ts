import { keepShape } from './keepShape.js';

/**
 * Records laid out per `scan`: a fixed layout (a few hundred KB at most)
 * reused from scan to scan, as the delimited files' scanner does.
 */
const LAYOUT_RECORDS = 4096;

/** Why a scan stopped, and what `end` then is. */
export const enum ScanStop {
  /** The bytes ran out between records: `end` is where they end. */
  Ended,
  /** The layout is full: `end` is where the next record's comma is (scan on from there). */
  Full,
  /** The bytes cut a record: `end` is its comma (the next piece starts there). */
  Cut,
  /** A record holds a key no field has yet (`keyStart`, `keyEnd`): `end` is its comma. */
  NewKey,
  /** The array's `]` was read: `end` is after it. */
  Closed,
  /** A byte out of place (or the end, in a final piece) at `end`. */
  Fault,
}

/** What the scanner asks of its owner: the field of a key not where the last record had it. */
export interface JsonKeyFields {
  /** The field of the key (a JSON string) at `bytes[start, end)`, or -1 when no field has it yet. */
  keyField(bytes: Uint8Array, start: number, end: number): number;
}

/**
 * The first pass over a piece of a JSON array's bytes: finds its records and
 * their values, up to `LAYOUT_RECORDS` records at a time, laying each out by
 * field (value `f` of record `r` at `r * width + f`: the offset of its first
 * byte, -1 for a missing key or `null`, and of the byte after it). The
 * structure around the values (braces, keys, colons, commas, the array's
 * end) is checked here; a value is only delimited (a string to its closing
 * quote, an object or array to its closing bracket, anything else to the
 * next delimiter) and judged when its bytes are first decoded. One loop with
 * the scan in it, so the JIT keeps it tight; the lookups run over the layout
 * afterwards (see JsonRecordEncoder). A key given twice keeps its last value.
 */
export class JsonRecordScanner {
  /** Per laid-out value: its first byte (-1: null), and the byte after it. */
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  /** Fields per record in the layout. */
  width = 0;
  /** Why the last scan stopped, and where (see ScanStop). */
  stop = ScanStop.Ended;
  end = 0;
  /** The key a NewKey stop found. */
  keyStart = 0;
  keyEnd = 0;
  /** Where the whole records of the last scan start and end (-1: none). */
  runStart = -1;
  runEnd = -1;
  /** Whether a record was the last thing read (a comma or the `]` comes next). */
  afterRecord = false;
  /** Whether a record has been read (an array may be empty only before the first). */
  anyRecord = false;
  /** Records mostly repeat their keys in order: the key bytes last seen at each place, and their field. */
  private placeKeys: Uint8Array[] = [];
  private placeFields: number[] = [];
  /** Each place's key bytes as little-endian words (its whole words), compared four bytes at a time. */
  private placeWords: Int32Array[] = [];
  /** A view of the last buffer scanned, for reading words. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));
  private viewed: Uint8Array | undefined;

  constructor(private readonly fields: JsonKeyFields) {}

  /** Makes room for `width` fields per record. */
  widen(width: number): void {
    if (width <= this.width) return;
    this.width = width;
    this.starts = new Int32Array(LAYOUT_RECORDS * width);
    this.ends = new Int32Array(LAYOUT_RECORDS * width);
  }

  /** Lays out the records of `buf[from, end)` (see ScanStop for where it stops); returns how many. */
  scan(buf: Uint8Array, from: number, end: number): number {
    // Literals and locals only in the loop: a module-level constant is loaded (and checked) at every use.
    // 9 TAB, 10 LF, 13 CR, 32 SPACE, 34 QUOTE, 44 COMMA, 58 COLON, 91 [, 92 \, 93 ], 123 {, 125 }.
    const starts = this.starts;
    const ends = this.ends;
    const width = this.width;
    const placeKeys = this.placeKeys;
    const placeFields = this.placeFields;
    const placeWords = this.placeWords;
    const view = this.viewOf(buf);
    const most = LAYOUT_RECORDS;
    let afterRecord = this.afterRecord;
    let rows = 0;
    let base = 0;
    let i = from;
    let byte = 0;
    this.runStart = -1;
    this.runEnd = -1;
    // Every way out goes through the one exit after the loop: a return at each would be a call
    // site of its own, whose first use (a piece cut at a new place) throws the compiled code away.
    let stop = ScanStop.Ended;
    let at = 0;
    records: for (;;) {
      while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9)) i++;
      if (i >= end) {
        stop = ScanStop.Ended;
        at = i;
        break records;
      }
      // Where the next scan starts when this one stops at the record: at its comma.
      const resume = i;
      if (afterRecord) {
        if (byte === 93) {
          stop = ScanStop.Closed;
          at = i + 1;
          break records;
        }
        if (byte !== 44) {
          stop = ScanStop.Fault;
          at = i;
          break records;
        }
        if (rows === most) {
          stop = ScanStop.Full;
          at = i;
          break records;
        }
        i++;
        while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9)) i++;
        if (i >= end) {
          stop = ScanStop.Cut;
          at = resume;
          break records;
        }
        if (byte !== 123) {
          stop = ScanStop.Fault;
          at = i;
          break records;
        }
      } else if (byte === 93 && !this.anyRecord) {
        stop = ScanStop.Closed;
        at = i + 1;
        break records;
      } else if (byte !== 123) {
        stop = ScanStop.Fault;
        at = i;
        break records;
      }
      const recordStart = i;
      for (let f = 0; f < width; f++) starts[base + f] = -1;
      i++;
      while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9)) i++;
      if (i >= end) {
        stop = ScanStop.Cut;
        at = resume;
        break records;
      }
      if (byte === 125) i++;
      else
        for (let place = 0; ; place++) {
          if (byte !== 34) {
            stop = ScanStop.Fault;
            at = i;
            break records;
          }
          // The key: the bytes the record before had at this place, or found by the owner.
          let field = -1;
          const known = placeKeys[place];
          if (known !== undefined && i + known.length <= end) {
            let k = 0;
            const length = known.length;
            // Four bytes at a time (little-endian words), then byte by byte.
            const words = placeWords[place];
            while (k + 4 <= length && view.getInt32(i + k, true) === words[k >> 2]) k += 4;
            while (k < length && known[k] === buf[i + k]) k++;
            // Equal bytes from the opening quote on: the key closes where the known one does.
            if (k === length) {
              field = placeFields[place];
              i += length;
            }
          }
          if (field < 0) {
            let keyEnd = i + 1;
            while (keyEnd < end && (byte = buf[keyEnd]) !== 34) keyEnd += byte === 92 ? 2 : 1;
            if (keyEnd >= end) {
              stop = ScanStop.Cut;
              at = resume;
              break records;
            }
            keyEnd++;
            field = this.fields.keyField(buf, i, keyEnd);
            if (field < 0 || field >= width) {
              this.keyStart = i;
              this.keyEnd = keyEnd;
              {
                stop = ScanStop.NewKey;
                at = resume;
                break records;
              }
            }
            const key = Uint8Array.prototype.slice.call(buf, i, keyEnd) as Uint8Array;
            placeKeys[place] = key;
            placeWords[place] = new Int32Array(key.length >> 2).map((_, w) =>
              new DataView(key.buffer).getInt32(w * 4, true),
            );
            placeFields[place] = field;
            i = keyEnd;
          }
          while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9))
            i++;
          if (i >= end) {
            stop = ScanStop.Cut;
            at = resume;
            break records;
          }
          if (byte !== 58) {
            stop = ScanStop.Fault;
            at = i;
            break records;
          }
          i++;
          while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9))
            i++;
          if (i >= end) {
            stop = ScanStop.Cut;
            at = resume;
            break records;
          }
          let start = i;
          if (byte === 34) {
            // A string: to the quote that closes it (an escaped byte is skipped, so an escaped quote is no end).
            i++;
            // Four bytes at a time while none of them is a quote or a backslash (the zero-byte
            // test on the word xor each: it may flag a word that has neither, never miss one).
            while (i + 4 <= end) {
              const word = view.getInt32(i, true);
              const quotes = word ^ 0x22222222;
              const slashes = word ^ 0x5c5c5c5c;
              if (
                (((quotes - 0x01010101) & ~quotes) | ((slashes - 0x01010101) & ~slashes)) &
                0x80808080
              )
                break;
              i += 4;
            }
            while (i < end && (byte = buf[i]) !== 34) i += byte === 92 ? 2 : 1;
            if (i >= end) {
              stop = ScanStop.Cut;
              at = resume;
              break records;
            }
            i++;
          } else if (byte === 123 || byte === 91) {
            i = nestedEnd(buf, i, end);
            if (i > end) {
              stop = ScanStop.Cut;
              at = resume;
              break records;
            }
          } else {
            // A number, true, false or null runs to the next delimiter; anything else in it fails to decode.
            while (i < end && (byte = buf[i]) > 32 && byte !== 44 && byte !== 125 && byte !== 93)
              i++;
            // The piece may cut the number: read it from the next piece on.
            if (i >= end) {
              stop = ScanStop.Cut;
              at = resume;
              break records;
            }
            // null is no value, as a missing key.
            if (
              i - start === 4 &&
              buf[start] === 110 &&
              buf[start + 1] === 117 &&
              buf[start + 2] === 108 &&
              buf[start + 3] === 108
            )
              start = -1;
          }
          starts[base + field] = start;
          ends[base + field] = i;
          while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9))
            i++;
          if (i >= end) {
            stop = ScanStop.Cut;
            at = resume;
            break records;
          }
          if (byte === 125) {
            i++;
            break;
          }
          if (byte !== 44) {
            stop = ScanStop.Fault;
            at = i;
            break records;
          }
          i++;
          while (i < end && ((byte = buf[i]) === 32 || byte === 10 || byte === 13 || byte === 9))
            i++;
          if (i >= end) {
            stop = ScanStop.Cut;
            at = resume;
            break records;
          }
        }
      rows++;
      base += width;
      afterRecord = true;
      this.anyRecord = true;
      if (this.runStart < 0) this.runStart = recordStart;
      this.runEnd = i;
    }
    this.stop = stop;
    this.end = at;
    this.afterRecord = afterRecord;
    return rows;
  }

  private viewOf(buf: Uint8Array): DataView {
    if (this.viewed === buf) return this.view;
    this.viewed = buf;
    return (this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
  }
}

/** The offset after the object or array opening at `start`; past `end` when it does not close. */
function nestedEnd(bytes: Uint8Array, start: number, end: number): number {
  let depth = 0;
  let i = start;
  while (i < end) {
    const byte = bytes[i];
    if (byte === 34) {
      i++;
      while (i < end && bytes[i] !== 34) i += bytes[i] === 92 ? 2 : 1;
      if (i >= end) return end + 1;
    } else if (byte === 123 || byte === 91) depth++;
    else if ((byte === 125 || byte === 93) && --depth === 0) return i + 1;
    i++;
  }
  return end + 1;
}

keepShape(new JsonRecordScanner({ keyField: () => -1 }));
