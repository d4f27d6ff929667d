import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { toText } from '../../src/value/toText.js';
import { Dual, type Value } from '../../src/value/Value.js';
import { makeDataDir, plain } from '../script/scriptTestKit.js';

// QVD files written by QlikView and Qlik Sense, with their rows decoded by
// others (see the README there): every one must load to exactly those rows.
// They live beside the repository in ../shared, as the specs do.
const FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/qvd');
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) console.warn(`Skipping the QVD fixtures: ${FIXTURES} is absent.`);

interface FieldFacts {
  FieldName: string;
  symbolTypes: Record<string, number>;
}
interface Facts {
  table?: { NoOfRecords: number; TableName: string };
  fields?: FieldFacts[];
  decoded?: { rowsSha256: string; rowsFile: string | null; first5: unknown[][] };
  decodeError?: string;
}
type Expected = null | number | string | { num: number; text: string };

const names = (haveFixtures ? readdirSync(FIXTURES) : [])
  .filter((name) => name.endsWith('.qvd'))
  .map((name) => name.slice(0, -4));

const facts = (name: string): Facts =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Facts;

const loadQvd = (name: string) =>
  runScript(`T: LOAD * FROM [lib://DataFiles/${name}.qvd] (qvd);`, { dataDir: FIXTURES });

/** A loaded cell in the fixtures' encoding; numbers of fields holding duals (types 5, 6) as {num, text}. */
function encode(value: Value, dualField: boolean): Expected {
  if (value === null || typeof value === 'string') return value;
  if (value instanceof Dual)
    return Number.isNaN(value.num) ? value.text : { num: value.num, text: value.text };
  return dualField ? { num: value, text: toText(value) } : value;
}

describe.skipIf(!haveFixtures)('QVD files written by Qlik', () => {
  for (const name of names.filter((n) => !facts(n).decodeError)) {
    it(`loads ${name}`, async () => {
      const fact = facts(name);
      const result = await loadQvd(name);
      const table = plain(result.tables[0]);
      const fields = fact.fields ?? [];
      expect(table.fields).toEqual(fields.map((f) => f.FieldName));
      const dualFields = fields.map((f) => '5' in f.symbolTypes || '6' in f.symbolTypes);
      const rows = table.rows.map((row) => row.map((value, c) => encode(value, dualFields[c])));
      expect(rows.length).toBe(fact.table?.NoOfRecords);
      const rowsFile = fact.decoded?.rowsFile;
      if (rowsFile) {
        const expected = JSON.parse(readFileSync(path.join(FIXTURES, rowsFile), 'utf8')) as {
          rows: Expected[][];
        };
        expect(rows).toEqual(expected.rows);
      } else {
        expect(rows.slice(0, 5)).toEqual(fact.decoded?.first5);
        const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
        expect(digest).toBe(fact.decoded?.rowsSha256);
      }
      expect(result.log).toContain(`T << ${name}.qvd  ${rows.length} Lines fetched`);
    });
  }

  it('stores every one again and loads it back to the same rows', async () => {
    const { dir, dispose } = await makeDataDir();
    try {
      for (const name of names.filter((n) => !facts(n).decodeError)) {
        await copyFile(path.join(FIXTURES, `${name}.qvd`), path.join(dir, 'qlik.qvd'));
        const result = await runScript(
          `T: LOAD * FROM [lib://DataFiles/qlik.qvd] (qvd);
           STORE T INTO [lib://DataFiles/copy.qvd] (qvd);
           Copy: NoConcatenate LOAD * FROM [lib://DataFiles/copy.qvd] (qvd);`,
          { dataDir: dir },
        );
        expect(plain(result.tables[1]).rows, name).toEqual(plain(result.tables[0]).rows);
      }
    } finally {
      await dispose();
    }
  });

  it('fails with SCRIPT_FILE_FORMAT on a QVD whose header is cut short', async () => {
    const damaged = names.find((n) => facts(n).decodeError);
    expect(damaged).toBeDefined();
    await expect(loadQvd(damaged as string)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
      message: expect.stringMatching(/malformed QVD header: <\/NumberFormat> closes <#root>/),
    });
  });
});
