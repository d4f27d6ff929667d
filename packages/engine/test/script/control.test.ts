import { describe, expect, it } from 'vitest';
import { run, tableOf } from './scriptTestKit.js';

describe('comments, variables and dollar expansion', () => {
  it('ignores //, /* */ and REM comments but keeps lib:// paths and brackets', async () => {
    const result = await run(`
      // a line comment; with a semicolon
      /* a block
         comment; */
      REM a rem comment; SET b = 2;
      SET a = 1; // trailing
      T: LOAD * INLINE [
        u
        http://x//y
      ];`);
    expect(result.variables.get('a')).toBe('1');
    expect(result.variables.get('b')).toBe('2');
    expect(tableOf(result, 'T').rows).toEqual([['http://x//y']]);
  });

  it('SET keeps text, LET evaluates, $(v), $(=expr) and $(f(args)) expand before parsing', async () => {
    const result = await run(`
      SET text = 'hello world';
      SET expr = 1 + 2;
      LET value = $(expr) * 2;
      LET joined = '$(text)' & '!';
      LET computed = '$(=10 / 4)';
      SET add = ($1 + $2);
      LET sum = $(add(3, 4));
      SET i = 2;
      SET v2 = nested;
      LET n = '$(v$(i))';
      LET gone = Null();`);
    expect(Object.fromEntries(result.variables)).toEqual({
      text: 'hello world',
      expr: '1 + 2',
      // Expansion is textual: '1 + 2 * 2'.
      value: '5',
      joined: 'hello world!',
      computed: '2.5',
      add: '($1 + $2)',
      sum: '7',
      i: '2',
      v2: 'nested',
      n: 'nested',
    });
  });

  it('takes initial variables and lets SET change number interpretation', async () => {
    const { runScript } = await import('../../src/script/runScript.js');
    const result = await runScript(
      `SET DecimalSep = ','; SET ThousandSep = '.';
       T: LOAD * INLINE [
         n
         "1.234,5"
       ];
       LET m = $(start) + 1;`,
      { dataDir: '.', variables: { start: '41' } },
    );
    expect(tableOf(result, 'T').rows[0][0]).toMatchObject({ text: '1.234,5', num: 1234.5 });
    expect(result.variables.get('m')).toBe('42');
  });
});

describe('control statements', () => {
  it('IF / ELSEIF / ELSE picks one branch, on separate lines or after THEN', async () => {
    const result = await run(`
      SET x = 2;
      IF $(x) = 1 THEN
        SET r = one;
      ELSEIF $(x) = 2 THEN
        SET r = two;
      ELSE
        SET r = other;
      END IF
      IF $(x) > 5 THEN SET s = big; ELSE SET s = small; END IF`);
    expect(result.variables.get('r')).toBe('two');
    expect(result.variables.get('s')).toBe('small');
  });

  it('FOR ... TO ... STEP and NEXT, with EXIT FOR', async () => {
    const result = await run(`
      SET acc = ;
      FOR i = 1 TO 9 STEP 2
        SET acc = $(acc)$(i);
        EXIT FOR WHEN $(i) >= 7
      NEXT i
      FOR j = 3 TO 1 STEP -1
        LET down = '$(down)' & $(j);
      NEXT`);
    expect(result.variables.get('acc')).toBe('1357');
    expect(result.variables.get('down')).toBe('321');
  });

  it('FOR EACH over values and loads a table per value', async () => {
    const result = await run(`
      FOR EACH v IN 'a', 'b', 3
        T: LOAD '$(v)' as val AUTOGENERATE 1;
      NEXT v`);
    // A quoted literal stays text, even '3'.
    expect(tableOf(result, 'T').rows).toEqual([['a'], ['b'], ['3']]);
  });

  it('DO WHILE and DO ... LOOP UNTIL, with EXIT DO', async () => {
    const result = await run(`
      LET n = 0;
      DO WHILE n < 5
        LET n = n + 1;
      LOOP
      LET m = 0;
      DO
        LET m = m + 10;
        EXIT DO WHEN m = 30
      LOOP UNTIL m > 100`);
    expect(result.variables.get('n')).toBe('5');
    expect(result.variables.get('m')).toBe('30');
  });

  it('SUB with parameters, CALL and EXIT SUB; parameters are local', async () => {
    const result = await run(`
      SET p = outer;
      SUB Add(p, q)
        LET total = '$(total)' & ($(p) + $(q)) & ';';
        EXIT SUB WHEN $(p) > 1
        LET total = '$(total)' & 'after;';
      END SUB
      CALL Add(1, 2)
      CALL Add(5, 5);`);
    expect(result.variables.get('total')).toBe('3;after;10;');
    expect(result.variables.get('p')).toBe('outer');
  });

  it('runs a script written with CRLF line ends and tabs', async () => {
    const result = await run(
      'SET a = 1;\r\nFOR i = 1 TO 3\r\n\tLET a = $(a) * 2;\r\nNEXT i\r\nIF $(a) = 8 THEN\r\n' +
        '  T: LOAD * INLINE [\r\n x, y\r\n 1, 2\r\n];\r\nEND IF\r\n',
    );
    expect(result.variables.get('a')).toBe('8');
    expect(tableOf(result, 'T')).toEqual({ fields: ['x', 'y'], rows: [[1, 2]] });
  });

  it('SWITCH / CASE / DEFAULT', async () => {
    const result = await run(`
      SET k = 2;
      SWITCH $(k)
      CASE 1
        SET r = one;
      CASE 2, 3
        SET r = two-or-three;
      DEFAULT
        SET r = other;
      END SWITCH`);
    expect(result.variables.get('r')).toBe('two-or-three');
  });

  it('EXIT SCRIPT stops the script; TRACE writes to the log', async () => {
    const lines: string[] = [];
    const { runScript } = await import('../../src/script/runScript.js');
    const result = await runScript(
      `TRACE Starting: it's $(=1+1);
       SET a = 1;
       EXIT SCRIPT;
       SET a = 2;`,
      { dataDir: '.', onProgress: (line) => lines.push(line) },
    );
    expect(result.variables.get('a')).toBe('1');
    expect(result.log[0]).toBe("Starting: it's 2");
    expect(lines).toEqual(result.log);
    expect(result.log).toContain('--- Script finished ---');
  });

  it('logs fetched lines and the table summary', async () => {
    const result = await run(`T: LOAD RecNo() as r AUTOGENERATE 3;`);
    expect(result.log).toEqual([
      'T: LOAD RecNo() as r AUTOGENERATE 3',
      'T << AUTOGENERATE  3 Lines fetched',
      '--- Script finished ---',
      'T: 3 rows, 1 fields (r)',
      '1 tables, 1 fields',
    ]);
  });

  it('stops between batches when the signal aborts', async () => {
    const { runScript } = await import('../../src/script/runScript.js');
    const controller = new AbortController();
    const running = runScript(`T: LOAD RecNo() as r AUTOGENERATE 10000000;`, {
      dataDir: '.',
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'SCRIPT_ABORTED' });
  });
});
