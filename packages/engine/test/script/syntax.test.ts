import { describe, expect, it } from 'vitest';
import { checkScriptSyntax } from '../../src/script/checkScriptSyntax.js';
import { ScriptError } from '../../src/script/ScriptError.js';
import { runScript } from '../../src/script/runScript.js';
import { makeDataDir, run, tableOf } from './scriptTestKit.js';

async function errorsOf(script: string, dataDir?: string): Promise<string[]> {
  return (await checkScriptSyntax(script, { dataDir })).map((error) => error.message);
}

/** The constructs issue 12 found failing in published scripts; each must check clean. */
const WHY_LIST: Record<string, string> = {
  'one-word ENDIF and ENDSUB': `
    SUB Log(msg)
      TRACE $(msg);
    ENDSUB
    IF 1 = 1 THEN
      SET a = 1;
    ENDIF
    SET b = 2;`,
  'control statements ended by the line': `
    FOR i = 1 TO 3
      TRACE i;
    NEXT i
    DO WHILE 1 = 0
    LOOP
    SWITCH 1
    CASE 1
      SET c = 1;
    DEFAULT
      SET c = 2;
    END SWITCH
    CALL Log('x')`,
  'SQL SELECT with a preceding load': `
    LIB CONNECT TO 'Sales DB';
    Orders:
    LOAD OrderID, Amount * 2 as Double;
    SQL SELECT OrderID, Amount FROM dbo.Orders WHERE Amount > 0;`,
  'a bare SELECT': `T: SELECT * FROM Orders;`,
  'ooxml and biff formats': `
    A: LOAD * FROM [lib://DataFiles/book.xlsx] (ooxml, embedded labels, header is 2 lines, table is Sheet1);
    B: LOAD * FROM [lib://DataFiles/old.xls] (biff, no labels, table is [Sheet 1$]);
    C: LOAD * FROM [lib://DataFiles/x.xlsx] (ooxml, explicit labels, table is Data);`,
  'a prefix before the table label': `
    NoConcatenate
    Copy:
    LOAD * RESIDENT Orig;
    Left Join (Copy) Extra: LOAD * INLINE [a
    1];`,
  'CrossTable, Hierarchy and IntervalMatch prefixes': `
    CrossTable(Month, Sales, 2) LOAD * FROM x.csv;
    Hierarchy(NodeID, ParentID, NodeName, ParentName, NodeName, PathName, '\\', Depth) LOAD * FROM h.csv;
    HierarchyBelongsTo(NodeID, ParentID, NodeName, AncestorID, AncestorName, DepthDiff) LOAD * FROM h.csv;
    Inner Join IntervalMatch(Time) LOAD Start, End RESIDENT OrderLog;
    IntervalMatch(Date, Key) LOAD From, To, Key RESIDENT Ranges;`,
  'LET left out': `x = 1; vName = 'a' & 'b';`,
  BINARY: `Binary [lib://Apps/Sales.qvf];`,
  'filters() transformations': `
    T: LOAD * FROM [lib://DataFiles/x.txt]
    (txt, codepage is 1252, embedded labels, delimiter is '\\t', msq,
     filters(Remove(Row, Pos(Top, 1)), Replace(2, top, StrCnd(null)), Transpose()));`,
  'qvx, html, dif and url is': `
    A: LOAD * FROM [lib://DataFiles/a.qvx] (qvx);
    B: LOAD * FROM [lib://Web/page.html] (html, utf8, embedded labels, table is @1, url is 'https://example.com/x');
    C: LOAD * FROM x.dif (dif, explicit labels);
    D: LOAD * FROM y.xml (XmlSimple, table is [root/row]);
    E: LOAD * FROM z.fix (fix, codepage is 1252, embedded labels, header is 0, record is line, no eof);
    F: LOAD * FROM w.kml (kml, table is Placemark, userAgent is 'qlikit');
    G: LOAD * FROM p.parquet (parquet);
    H: LOAD * FROM c.csv (txt, utf8, embedded labels, delimiter is ',', comment is '#', no quotes);`,
  'INPUTFIELD, ALIAS, DERIVE and DECLARE': `
    INPUTFIELD Budget, Forecast;
    ALIAS ID as CustomerID, Nm as Name;
    Calendar:
    DECLARE FIELD DEFINITION TAGGED '$date'
      Parameters first_month_of_year = 1
      Fields
        Year($1) as Year Tagged '$numeric',
        Month($1) as Month Tagged '$numeric';
    DERIVE FIELDS FROM FIELDS OrderDate USING Calendar;`,
  'an empty function argument': `T: LOAD Date#(d, ) as D, SubField(s, ',', ) as P INLINE [d, s
  1, a];`,
  'a label that starts with a keyword': `
    call_list:
    LOAD * INLINE [a
    1];
    If_Table: LOAD 1 as b AUTOGENERATE 1;
    Next_Step: LOAD 2 as c AUTOGENERATE 1;
    End_Date: LOAD 3 as d AUTOGENERATE 1;`,
  'an IF condition that spans lines': `
    IF 1 = 1
       AND 2 = 2
       OR 3 = 4 THEN
      SET ok = 1;
    END IF`,
  'quoted Drop Field': `Drop Field 'Name'; Drop Fields 'A', [B], "C" From T;`,
};

describe('CheckScriptSyntax accepts what Qlik accepts', () => {
  it.each(Object.entries(WHY_LIST))('%s', async (_, script) => {
    expect(await errorsOf(script)).toEqual([]);
  });

  it('accepts every statement, prefix and control statement of the reference', async () => {
    const script = `
      ///$tab Main
      SET ThousandSep=',';
      LET v = 1 + 1;
      REM a comment;
      Map1: MAPPING LOAD * INLINE [a, b
      1, x];
      ADD ONLY LOAD 1 as a AUTOGENERATE 1;
      REPLACE LOAD 1 as a AUTOGENERATE 1;
      MERGE ONLY (Seq, vOp) ON a CONCATENATE (T) LOAD 1 as a AUTOGENERATE 1;
      BUFFER (incremental, stale after 7 days) LOAD 1 as a AUTOGENERATE 1;
      BUFFER LOAD 1 as a AUTOGENERATE 1;
      FIRST 10 LOAD 1 as a AUTOGENERATE 100;
      SAMPLE 0.5 LOAD 1 as a AUTOGENERATE 10;
      SEMANTIC LOAD * INLINE [a, b, c
      1, r, 2];
      GENERIC LOAD * INLINE [k, attr, val
      1, color, red];
      LEFT KEEP (T) LOAD 1 as a AUTOGENERATE 1;
      RIGHT JOIN LOAD 1 as a AUTOGENERATE 1;
      OUTER JOIN (T) LOAD 1 as a AUTOGENERATE 1;
      INNER KEEP LOAD 1 as a AUTOGENERATE 1;
      JOIN LOAD 1 as a AUTOGENERATE 1;
      WHEN v > 1 LOAD 1 as a AUTOGENERATE 1;
      UNLESS v > 1 DROP TABLE T;
      ALIAS a AS b;
      AUTONUMBER 'Key*', Other USING ns;
      BINARY x.qvf;
      COMMENT FIELD a WITH 'about a';
      COMMENT FIELDS USING CommentMap;
      COMMENT TABLE T WITH 'about T';
      COMMENT TABLES USING TableComments;
      CONSTRAIN vCount = {"type": "number", "minimum": 0};
      CONNECT TO 'DSN=x';
      ODBC CONNECT64 TO 'DSN=x' (XUserId is 'abc', XPassword is 'def');
      OLEDB CONNECT TO 'Provider=x';
      CUSTOM CONNECT TO "Provider=QvRestConnector.exe;url=x;";
      LIB CONNECT TO 'Space:conn';
      DIRECT QUERY DIMENSION a MEASURE b FROM t;
      DIRECTORY lib://DataFiles/sub;
      DISCONNECT;
      DROP TABLES T, U;
      DROP FIELD a FROM T;
      EXECUTE cmd.exe /c dir;
      FLUSHLOG;
      FORCE CAPITALIZATION;
      LOOSEN TABLE T;
      MAP a, b USING Map1;
      NULLASNULL *;
      NULLASVALUE a, 'b*';
      QUALIFY *;
      UNQUALIFY 'Key*', ID;
      RENAME TABLE T TO U, V TO W;
      RENAME FIELDS USING FieldMap;
      SEARCH INCLUDE *;
      SEARCH EXCLUDE 'Key*';
      SECTION ACCESS;
      STAR IS *;
      SECTION APPLICATION;
      SLEEP 10;
      SQL EXEC dbo.Refresh;
      SQLCOLUMNS;
      SQLTABLES;
      SQLTYPES;
      STORE T INTO [lib://DataFiles/t.qvd] (qvd);
      STORE a, b FROM T INTO t.csv (txt, delimiter is ';');
      TAG FIELDS a, b WITH '$key', 'mine';
      UNTAG FIELD a WITH mine;
      TRACE anything at all;
      UNMAP *;
      T: LOAD DISTINCT a, RecNo() as r, IterNo() as i
        FROM x.csv (txt) WHERE a > 0 WHILE IterNo() <= 2 GROUP BY a ORDER BY a DESC;
      F: LOAD @1:5 as A, @6:10 as B FROM f.fix (fix, codepage is 1252, record is 10);
      E: LOAD * EXTENSION R.ScriptEval('q', T{a});
      FF: LOAD * FROM_FIELD (T, blob) (txt);
      EXIT SCRIPT WHEN v > 2;
      EXIT SCRIPT;`;
    expect(await errorsOf(script)).toEqual([]);
  });

  it('still reports real syntax errors, with their lines', async () => {
    const errors = await checkScriptSyntax('SET a = 1;\nT: LOAD a b INLINE [a\n1];\nFOO bar;');
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'SCRIPT_SYNTAX'],
      [4, 'SCRIPT_SYNTAX'],
    ]);
  });

  it('checks the lines $(...) expands to where the variables are known', async () => {
    expect(
      await errorsOf(`
        SET vFields = a, b;
        LET vTable = 'T';
        $(vTable): LOAD $(vFields) INLINE [a, b
        1, 2];
        SET vBroken = a b;
        U: LOAD $(vBroken) INLINE [a, b
        1, 2];
        LET vLater = Now();
        V: LOAD $(vLater) x y AUTOGENERATE 1;`),
    ).toEqual([expect.stringMatching(/line 7/)]);
  });

  it('follows $(Include=...) and $(Must_Include=...) into data files', async () => {
    const data = await makeDataDir({
      'good.qvs': 'SET vInc = a;\nSUB Hello\nENDSUB',
      'bad.qvs': 'LOAD a b AUTOGENERATE 1;',
    });
    try {
      expect(
        await errorsOf(
          '$(Include=lib://DataFiles/good.qvs);\nT: LOAD 1 as $(vInc) AUTOGENERATE 1;',
          data.dir,
        ),
      ).toEqual([]);
      const errors = await errorsOf(
        'SET f = bad;\n$(Include=lib://DataFiles/$(f).qvs);\n$(Include=missing.qvs);\n$(Must_Include=missing.qvs);',
        data.dir,
      );
      expect(errors).toEqual([
        expect.stringMatching(/^lib:\/\/DataFiles\/bad\.qvs: .*line 2/),
        expect.stringMatching(/Must_Include: cannot read 'missing\.qvs'.*line 4/),
      ]);
    } finally {
      await data.dispose();
    }
  });
});

describe('control statements end at the end of their line', () => {
  it('a one-word ENDIF no longer swallows the statement after it', async () => {
    const result = await run(`
      IF 1 = 2 THEN
        SET skipped = 1;
      ENDIF
      SET after = 1;
      SUB S
        SET inSub = 1;
      ENDSUB
      CALL S`);
    expect(result.variables.get('after')).toBe('1');
    expect(result.variables.get('inSub')).toBe('1');
    expect(result.variables.has('skipped')).toBe(false);
  });

  it('an IF condition may span lines; labels may start with a keyword', async () => {
    const result = await run(`
      LET x = 5;
      IF x > 1
         AND x < 10 THEN
        If_Rows: LOAD x as v AUTOGENERATE 1;
      END IF
      call_list: LOAD 1 as c AUTOGENERATE 1;
      y = x * 2;`);
    expect(tableOf(result, 'If_Rows').rows).toEqual([[5]]);
    expect(tableOf(result, 'call_list').rows).toEqual([[1]]);
    expect(result.variables.get('y')).toBe('10');
  });

  it('runs $(Include=...) in place and skips a missing one', async () => {
    const data = await makeDataDir({
      'inc.qvs': 'SET fromInclude = yes;\nSUB Twice(n)\n LET r = $(n) * 2;\nEND SUB',
    });
    try {
      const { runScript } = await import('../../src/script/runScript.js');
      const result = await runScript(
        '$(Include=lib://DataFiles/inc.qvs);\n$(Include=lib://DataFiles/none.qvs);\nCALL Twice(21);',
        { dataDir: data.dir },
      );
      expect(result.variables.get('fromInclude')).toBe('yes');
      expect(result.variables.get('r')).toBe('42');
      const failure = await runScript('\n$(Must_Include=lib://DataFiles/none.qvs);', {
        dataDir: data.dir,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ScriptError);
      expect(failure).toMatchObject({ code: 'SCRIPT_FILE_NOT_FOUND', line: 2 });
    } finally {
      await data.dispose();
    }
  });

  it('an error in an included file names the file and its line there, at the include', async () => {
    const data = await makeDataDir({
      'runtime.qvs': 'SET a = 1;\n\nT: LOAD * RESIDENT Nowhere;',
      'syntax.qvs': 'SET a = 1;\nLOAD a b AUTOGENERATE 1;',
      'sub.qvs': 'SUB Broken\n  SET a = 1;\n  DROP TABLE Missing;\nEND SUB',
      'outer.qvs': '\n$(Must_Include=lib://DataFiles/runtime.qvs);',
    });
    const failureOf = (script: string): Promise<unknown> =>
      runScript(script, { dataDir: data.dir }).catch((error: unknown) => error);
    try {
      expect(await failureOf('SET x = 1;\n$(Include=lib://DataFiles/runtime.qvs);')).toMatchObject({
        code: 'SCRIPT_TABLE_NOT_FOUND',
        line: 2,
        message: expect.stringMatching(
          /^lib:\/\/DataFiles\/runtime\.qvs: .*Nowhere.* \(line 3, column 1\) \(line 2, column 1\)$/,
        ),
      });
      expect(await failureOf('\n\n$(Include=lib://DataFiles/syntax.qvs);')).toMatchObject({
        code: 'SCRIPT_SYNTAX',
        line: 3,
        message: expect.stringMatching(/^lib:\/\/DataFiles\/syntax\.qvs: .*\(line 2, column \d+\)/),
      });
      // A SUB from an included file, called from the script, still points into its file.
      expect(await failureOf('$(Include=lib://DataFiles/sub.qvs);\nCALL Broken;')).toMatchObject({
        line: 1,
        message: expect.stringMatching(
          /^lib:\/\/DataFiles\/sub\.qvs: .*Missing.*\(line 3, column 3\)/,
        ),
      });
      // Nested: each file on the way, innermost first.
      expect(
        await failureOf('SET x = 1;\n\n\n$(Include=lib://DataFiles/outer.qvs);'),
      ).toMatchObject({
        line: 4,
        message: expect.stringMatching(
          /^lib:\/\/DataFiles\/outer\.qvs: lib:\/\/DataFiles\/runtime\.qvs: .*\(line 3, column 1\) \(line 2, column 1\) \(line 4, column 1\)$/,
        ),
      });
    } finally {
      await data.dispose();
    }
  });
});

describe('valid statements the engine cannot run fail with "not supported" at their line', () => {
  it.each([
    ['EXECUTE cmd.exe;', 'EXECUTE'],
    ['DIRECT QUERY DIMENSION a FROM t;', 'DIRECT QUERY'],
    ['ODBC CONNECT TO x;', 'ODBC CONNECT'],
    ['LIB CONNECT TO x;', "LIB CONNECT TO 'x'"],
    ['SQL SELECT * FROM t;', 'SQL SELECT'],
    ['SEMANTIC LOAD * INLINE [a, b, c\n1, r, 2];', 'the SEMANTIC prefix'],
    ['LOOSEN TABLE T;', 'LOOSEN TABLE'],
    ['T: LOAD * FROM_FIELD (T, f);', 'LOAD ... FROM_FIELD'],
    ['BINARY other.qvf;', 'BINARY'],
    [
      'T: LOAD * FROM [lib://DataFiles/x.xls] (biff, embedded labels, table is Sheet1$);',
      'the (biff) file format of .xls workbooks; save the workbook as .xlsx',
    ],
  ])('%s', async (statement, what) => {
    const failure = await run(`SET a = 1;\n  ${statement}`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScriptError);
    expect(failure).toMatchObject({ code: 'SCRIPT_NOT_SUPPORTED', line: 2, column: 3 });
    expect((failure as Error).message).toContain(`not supported: ${what}`);
  });
});
