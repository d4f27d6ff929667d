import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { tableOf } from './scriptTestKit.js';

const run = (script: string) => runScript(script, { dataDir: tmpdir() });

// "If you use the Subfield() function in a LOAD statement with the optional
// field_no parameter left out, one full record will be generated for each
// substring. If several fields are loaded using Subfield() the Cartesian
// products of all combinations are created." (the SubField page; the
// ExtractRegEx, ExtractRegExGroup and SubFieldRegEx pages say the same)

describe('calls that make a row per value in a LOAD', () => {
  test('SubField without field_no: a record per substring (the SubField page’s names)', async () => {
    const result = await run(`FullName: LOAD * INLINE [
        Name
        'Dave Owen'
        'Joe Tem'
      ];
      SepNames: LOAD Name, SubField(Name, ' ') as Arrays RESIDENT FullName;`);
    expect(tableOf(result, 'SepNames').rows).toEqual([
      ['Dave Owen', 'Dave'],
      ['Dave Owen', 'Owen'],
      ['Joe Tem', 'Joe'],
      ['Joe Tem', 'Tem'],
    ]);
  });

  test('several of them make the Cartesian product; DISTINCT applies to the rows made', async () => {
    const result = await run(`T: LOAD DISTINCT Instrument, SubField(Player, ',') as Player,
        SubField(Project, ',') as Project;
      LOAD * INLINE [
        Instrument|Player|Project
        Guitar|Neil,Mike|Music,Video
        Guitar|Neil|Music,OST
        Synth|Jo|Music
        Guitar|Neil,Mike|Music,OST
      ] (delimiter is '|');`);
    expect(tableOf(result, 'T').rows).toEqual([
      ['Guitar', 'Neil', 'Music'],
      ['Guitar', 'Neil', 'Video'],
      ['Guitar', 'Mike', 'Music'],
      ['Guitar', 'Mike', 'Video'],
      ['Guitar', 'Neil', 'OST'],
      ['Synth', 'Jo', 'Music'],
      ['Guitar', 'Mike', 'OST'],
    ]);
  });

  test('with a field_no, or inside another function, one row as before; RowNo counts the rows made', async () => {
    const result =
      await run(`T: LOAD SubField(Tags, ';', 2) as Second, Upper(SubField(Tags, ';')) as Tag,
        RowNo() as R INLINE [
        Tags
        a;b;c
      ];`);
    expect(tableOf(result, 'T').rows).toEqual([
      ['b', 'A', 1],
      ['b', 'B', 2],
      ['b', 'C', 3],
    ]);
  });

  test('ExtractRegEx, ExtractRegExGroup and SubFieldRegEx without field_no; no match keeps the row with NULL', async () => {
    const result = await run(`T: LOAD Id, ExtractRegEx(Text, '[0-9]+') as Number,
        ExtractRegExGroup(Text, '([a-z])([0-9])', 1) as Letter INLINE [
        Id|Text
        1|a1 b2
        2|none
      ] (delimiter is '|');
      S: LOAD SubFieldRegEx('a,b;c', ',|;') as Part AUTOGENERATE 1;`);
    expect(tableOf(result, 'T').rows).toEqual([
      [1, '1', 'a'],
      [1, '1', 'b'],
      [1, '2', 'a'],
      [1, '2', 'b'],
      [2, null, null],
    ]);
    expect(tableOf(result, 'S').rows).toEqual([['a'], ['b'], ['c']]);
  });
});
