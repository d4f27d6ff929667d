import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldNumFormat } from '../../src/hypercube/fieldNumFormat.js';
import { readQvdHeader } from '../../src/io/qvd/readQvdFile.js';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import { makeDataDir } from '../script/scriptTestKit.js';

// small.qvd (written by Qlik Sense, see the fixtures' README) gives ID the
// format INTEGER '###0', BookingDate DATE 'DD.MM.YYYY' and Amount FIX
// '###0,00' with 2 decimals and ',' as the decimal separator.
const FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/qvd');
const SMALL = 'MuellerConstantin__PyQvd__tests__data__small';

describe.skipIf(!existsSync(path.join(FIXTURES, `${SMALL}.qvd`)))(
  'a QVD field keeps its number format in the data model',
  () => {
    it('through LOAD * and a bare field under another name, not through an expression', async () => {
      const result = await runScript(
        `T: LOAD * FROM [lib://DataFiles/${SMALL}.qvd] (qvd);
         U: LOAD BookingDate as Booked, Amount * 2 as Doubled FROM [lib://DataFiles/${SMALL}.qvd] (qvd);`,
        { dataDir: FIXTURES },
      );
      const model = DataModel.fromTables(result.tables, {
        numberFormats: result.fieldNumberFormats,
      });
      const format = (field: string) => fieldNumFormat(model.field(field), DEFAULT_FORMAT_SETTINGS);
      expect(format('ID')).toEqual({ qType: 'I', qnDec: 0, qUseThou: 1, qFmt: '###0', qDec: ',' });
      expect(format('BookingDate')).toEqual({
        qType: 'D',
        qnDec: 0,
        qUseThou: 0,
        qFmt: 'DD.MM.YYYY',
      });
      expect(format('Amount')).toEqual({
        qType: 'F',
        qnDec: 2,
        qUseThou: 1,
        qFmt: '###0,00',
        qDec: ',',
      });
      expect(format('Booked')).toEqual(format('BookingDate'));
      // No format in the file (UNKNOWN) and a computed field: the engine's own rules.
      expect(format('Category')).toEqual({ qType: 'U', qnDec: 0, qUseThou: 0 });
      expect(format('Doubled')).toEqual({ qType: 'U', qnDec: 0, qUseThou: 0 });
    });

    it('STORE writes the formats the fields were loaded with back into the QVD header', async () => {
      const data = await makeDataDir({});
      try {
        await copyFile(path.join(FIXTURES, `${SMALL}.qvd`), path.join(data.dir, 'small.qvd'));
        await runScript(
          `T: LOAD * FROM [lib://DataFiles/small.qvd] (qvd);
           STORE T INTO [lib://DataFiles/again.qvd] (qvd);`,
          { dataDir: data.dir },
        );
        const formats = async (file: string) =>
          Object.fromEntries(
            (await readQvdHeader(path.join(data.dir, file), file)).fields.map((field) => [
              field.name,
              field.numberFormat,
            ]),
          );
        expect(await formats('again.qvd')).toEqual(await formats('small.qvd'));
      } finally {
        await data.dispose();
      }
    });
  },
);
