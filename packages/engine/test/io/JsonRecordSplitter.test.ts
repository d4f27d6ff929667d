import { describe, expect, it } from 'vitest';
import { JsonKeyCollector } from '../../src/io/JsonKeyCollector.js';
import { JsonRecordSplitter, JsonSplitError } from '../../src/io/JsonRecordSplitter.js';

/** Feeds `text` to a splitter in chunks of `size` bytes; the records the runs parse to. */
function splitInChunks(text: string, size: number): unknown[] {
  const bytes = Buffer.from(text, 'utf8');
  const splitter = new JsonRecordSplitter();
  const records: unknown[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const run = splitter.push(Buffer.from(bytes.subarray(at, at + size)));
    if (run !== undefined) records.push(...(JSON.parse(`[${run}]`) as unknown[]));
  }
  const single = splitter.end();
  if (single !== undefined) records.push(JSON.parse(single));
  return records;
}

function faultOf(text: string): string {
  try {
    splitInChunks(text, 3);
  } catch (error) {
    if (error instanceof JsonSplitError) return error.fault;
    return 'parse';
  }
  return 'none';
}

describe('JsonRecordSplitter', () => {
  const records = [
    { a: 1, s: 'brace } and ] in "quotes" \\', n: { deep: [1, { x: '}' }] } },
    { a: -2.5e3, s: 'é漢😀', t: true, z: null },
    {},
    { s: '\\\\"', e: '\u0001\n' },
  ];
  const text = `\uFEFF \n[ ${records.map((r) => JSON.stringify(r)).join(' ,\n')} ]\n `;

  it('cuts records at every chunk boundary the same as JSON.parse reads the whole', () => {
    for (let size = 1; size <= text.length + 1; size++)
      expect(splitInChunks(text, size), `chunks of ${size}`).toEqual(records);
  });

  it('reads an empty array and a file that is one record', () => {
    expect(splitInChunks(' [ ] ', 1)).toEqual([]);
    expect(splitInChunks('{"a": [1, 2], "b": "]"}', 4)).toEqual([{ a: [1, 2], b: ']' }]);
  });

  it('refuses what is not an array of records, and broken structure between records', () => {
    expect(faultOf('[1, 2]')).toBe('not-records');
    expect(faultOf('[{"a":1}, "x"]')).toBe('not-records');
    expect(faultOf('"x"')).toBe('not-records');
    expect(faultOf('[{"a":1} {"a":2}]')).toBe('invalid');
    expect(faultOf('[{"a":1},]')).toBe('invalid');
    expect(faultOf('[,{"a":1}]')).toBe('invalid');
    expect(faultOf('[{"a":1}] x')).toBe('invalid');
    expect(faultOf('[{"a":1}, {"a": ')).toBe('invalid');
    expect(faultOf('   ')).toBe('invalid');
    expect(faultOf('[{"a":1]]')).toBe('parse');
    expect(faultOf('[{"a":1}]')).toBe('none');
  });

  it('tells a key collector the top-level keys of every record, cut anywhere, without parsing', () => {
    const text = JSON.stringify([
      { a: 1, 'q"\\k': { inner: 1, a2: [{ deep: 1 }] } },
      { a: 2, 'q"\\k': 'x' },
      { b: 'a:", "z": 1', a: 3 },
      { é漢: null, a: 4 },
    ]);
    for (let size = 1; size <= text.length; size++) {
      const keys = new JsonKeyCollector();
      const splitter = new JsonRecordSplitter(keys);
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; at += size)
        splitter.push(Buffer.from(bytes.subarray(at, at + size)));
      expect(splitter.end()).toBeUndefined();
      expect(keys.names, `chunks of ${size}`).toEqual(['a', 'q"\\k', 'b', 'é漢']);
      expect(splitter.records).toBe(4);
    }
  });

  it('takes a key equal to the one at its place in the record before without scanning it, and no other', () => {
    // "a" then "ab" then "a\"" at place 0: a known key's bytes are a prefix of the next, or differ only by an escape.
    const text = JSON.stringify([
      { a: 1 },
      { ab: 2, a: 3 },
      { 'a"': 4 },
      { a: 5, ab: 6 },
      { a: 7 },
    ]);
    for (let size = 1; size <= text.length; size++) {
      const keys = new JsonKeyCollector();
      const splitter = new JsonRecordSplitter(keys);
      const bytes = Buffer.from(text, 'utf8');
      let parsed: unknown[] = [];
      for (let at = 0; at < bytes.length; at += size) {
        const run = splitter.push(Buffer.from(bytes.subarray(at, at + size)));
        if (run !== undefined) parsed = [...parsed, ...(JSON.parse(`[${run}]`) as unknown[])];
      }
      expect(splitter.end()).toBeUndefined();
      expect(keys.names, `chunks of ${size}`).toEqual(['a', 'ab', 'a"']);
      expect(parsed, `chunks of ${size}`).toEqual(JSON.parse(text));
    }
  });

  it('notes where each run lies in the input, so a second reader cuts it without scanning', () => {
    const records = [{ a: 1, s: 'x],"{' }, { a: 2, nested: [{ b: '日本' }] }, { a: 3 }];
    const bytes = Buffer.from(`\uFEFF [\n${records.map((r) => JSON.stringify(r)).join(' ,\n')}\n]`);
    for (let size = 1; size <= bytes.length; size++) {
      const splitter = new JsonRecordSplitter(undefined, false);
      for (let at = 0; at < bytes.length; at += size)
        expect(splitter.push(Buffer.from(bytes.subarray(at, at + size)))).toBeUndefined();
      splitter.end();
      const read: unknown[] = [];
      for (let i = 0; i < splitter.runs.length; i += 2) {
        const run = bytes.toString('utf8', splitter.runs[i], splitter.runs[i + 1]);
        read.push(...(JSON.parse(`[${run}]`) as unknown[]));
      }
      expect(read, `chunks of ${size}`).toEqual(records);
    }
  });
});
