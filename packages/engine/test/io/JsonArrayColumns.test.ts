import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/DataFileError.js';
import { jsonToValue, type JsonRecord } from '../../src/io/jsonRecordValues.js';
import { JsonArrayColumns } from '../../src/io/readJsonColumns.js';
import { ColumnBuilder } from '../../src/script/ColumnBuilder.js';
import type { Value } from '../../src/value/Value.js';

// A JSON array read from its bytes straight into columns must give what
// JSON.parse and jsonToValue give, however the chunks cut it.

interface Read {
  fields: string[];
  rows: Value[][];
  /** Each column's dictionary, in first-seen order. */
  dictionaries: Value[][];
  /** The records the runs parse back to. */
  reparsed: unknown[];
}

/** Feeds `text` in chunks cut at `cuts`; undefined when the reader turns the bytes down. */
function readInPieces(text: string, cuts: readonly number[]): Read | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const reader = new JsonArrayColumns('t.json', (name) => new ColumnBuilder(name));
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (!reader.push(Buffer.from(bytes.subarray(from, cut)))) return undefined;
    from = cut;
  }
  if (!reader.end()) return undefined;
  const { fieldNames, rows, columns } = reader.encoder;
  const builders = columns as ColumnBuilder[];
  const reparsed: unknown[] = [];
  for (let r = 0; r < reader.runs.length; r += 2)
    reparsed.push(
      ...(JSON.parse(
        `[${bytes.toString('utf8', reader.runs[r], reader.runs[r + 1])}]`,
      ) as unknown[]),
    );
  return {
    fields: fieldNames,
    rows: Array.from({ length: rows }, (_, r) => builders.map((c) => c.valueAt(r))),
    dictionaries: builders.map((c) => c.values),
    reparsed,
  };
}

/** What JSON.parse and jsonToValue make of the same text, keys in first-seen order. */
function expected(text: string): Omit<Read, 'reparsed'> & { records: JsonRecord[] } {
  const records = JSON.parse(text.replace(/^\uFEFF/, '')) as JsonRecord[];
  const fields = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.map((record) => fields.map((name) => jsonToValue(record[name])));
  const dictionaries = fields.map((_, c) => {
    const column = new ColumnBuilder(String(c));
    for (const row of rows) column.push(row[c]);
    return column.values;
  });
  return { fields, rows, dictionaries, records };
}

const RECORDS = [
  '{"id": 1, "name": "Zürich", "amount": 12.5, "flag": true, "nested": {"at": 1, "list": [1, "x", {"y": "}"}]}}',
  '{ "id" : -0 , "name" : "caf\\u00e9 \\ud83d\\ude42" , "amount" : 1.0 , "flag" : false , "tags" : [ ] }',
  '{}',
  '{"name": "a \\"quoted\\" name with \\\\ and / and \\/", "id": 123456789012345678, "amount": 1e2}',
  '{"id": 1, "id": 2, "amount": null, "text number": "1", "date": "2024-01-31"}',
  '{"k\\u00e9y": "escaped key", "name": "Zürich", "amount": -12, "nested": "plain", "tags": ["a","b"]}',
  '{"amount": 0.1, "flag": true, "empty": "", "control": "tab\\there\\nline", "big": 1e400}',
];

describe('JsonArrayColumns', () => {
  const text = `\uFEFF \n[ ${RECORDS.join(' ,\n')} ]\n `;
  const want = expected(text);

  it('gives the values and dictionaries JSON.parse gives, cut at every byte', () => {
    const length = Buffer.byteLength(text);
    for (let cut = 0; cut <= length; cut++) {
      const read = readInPieces(text, [cut]);
      expect(read, `cut at ${cut}`).toBeDefined();
      expect(read!.fields, `cut at ${cut}`).toEqual(want.fields);
      expect(read!.rows, `cut at ${cut}`).toEqual(want.rows);
      expect(read!.dictionaries, `cut at ${cut}`).toEqual(want.dictionaries);
      expect(read!.reparsed, `cut at ${cut}`).toEqual(want.records);
    }
  });

  it('reads the same in pieces of any size', () => {
    const length = Buffer.byteLength(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const cuts = Array.from({ length: Math.ceil(length / size) }, (_, k) => k * size);
      expect(readInPieces(text, cuts)?.rows, `pieces of ${size}`).toEqual(want.rows);
    }
  });

  it('reads many records as JSON.parse does: past a layout, keys reordered and new, ids, nulls', () => {
    // 70,000 records: more than a layout of records; an id column (its byte table dropped), names in
    // a cycle of 9,000 (dropped, then a table again); from record 5,000 the keys come in another
    // order, from 9,000 a key is new, some values null.
    const records = Array.from({ length: 70_000 }, (_, i) => {
      const name = `name ${i % 9000}`;
      const amount = i % 11 === 0 ? 'null' : String((i % 101) * 0.25);
      if (i < 5000) return `{"id":${i},"name":"${name}","amount":${amount}}`;
      if (i < 9000) return `{"amount":${amount}, "id":${i}, "name":"${name}"}`;
      return `{"name":"${name}","extra":${i % 3 === 0 ? '[1]' : '"x"'},"id":${i},"amount":${amount}}`;
    });
    const many = `[\n${records.join(',\n')}\n]`;
    const read = readInPieces(many, [Math.floor(many.length / 3), Math.floor(many.length / 2)])!;
    const want = expected(many);
    expect(read.fields).toEqual(want.fields);
    expect(read.rows).toEqual(want.rows);
    expect(read.dictionaries).toEqual(want.dictionaries);
  });

  it('keeps numbers as numbers and texts as text, as Qlik reads JSON', () => {
    const read = readInPieces(
      '[{"v": 1}, {"v": "1"}, {"v": 1.0}, {"v": "01"}, {"v": true}, {"v": -0.5e1}]',
      [],
    )!;
    expect(read.rows.map(([v]) => v)).toEqual([
      1,
      '1',
      1,
      '01',
      expect.objectContaining({ text: 'true', num: -1 }),
      -5,
    ]);
    // 1 and 1.0 are one number: one dictionary entry.
    expect(read.dictionaries[0]).toHaveLength(5);
  });

  it('keeps nested objects and arrays as their JSON text', () => {
    const read = readInPieces('[{"o": {"a" : [1, {"b": null}]}, "l": [ "x" ]}]', [9])!;
    expect(read.rows).toEqual([['{"a":[1,{"b":null}]}', '["x"]']]);
  });

  it('reads an empty array as no fields and no rows', () => {
    expect(readInPieces(' [ ] ', [2])).toMatchObject({ fields: [], rows: [] });
  });

  it('turns down what is not an array of records alone, for the two-pass reader to judge', () => {
    expect(readInPieces('{"a": 1}', [])).toBeUndefined();
    expect(readInPieces('[{"a": 1}] x', [])).toBeUndefined();
    expect(readInPieces('[{"a": 1}', [])).toBeUndefined();
    expect(readInPieces('', [])).toBeUndefined();
  });

  it('fails on a record that is not valid JSON, with SCRIPT_FILE_FORMAT', () => {
    for (const bad of [
      '[{"a": tru}]',
      '[{"a": 1,}]',
      '[{"a": 1} {"a": 2}]',
      '[{"a": 1},]',
      '[{"a" 1}]',
      '[{"a": "\u0001"}]',
      '[{"a": 01}]',
      '[{"a": [1,}]',
      '[1]',
    ]) {
      let error: unknown;
      try {
        readInPieces(bad, [5]);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(DataFileError);
      expect((error as DataFileError).code, bad).toBe('SCRIPT_FILE_FORMAT');
    }
  });
});
