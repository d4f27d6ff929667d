import { describe, expect, test } from 'vitest';
import { bnfGrammar } from '../../src/app/bnfGrammar.js';
import { checkExpression } from '../../src/app/checkExpression.js';
import { FUNCTION_CATALOG, functionsOfGroup } from '../../src/app/functionCatalog.js';
import { SCRIPT_FUNCTION_INFO } from '../../src/app/scriptFunctionInfo.js';
import { APP_FUNCTION_INFO } from '../../src/app/appFunctions.js';
import { FIELD_NAME_FUNCTIONS } from '../../src/expression/fieldNameFunctions.js';
import { CHART_FUNCTIONS } from '../../src/expression/chartFunctions.js';
import { BUILTIN_FUNCTIONS } from '../../src/expression/functions/builtinFunctions.js';
import { contextFunctions, type ScriptFunctionHost } from '../../src/script/contextFunctions.js';

describe('the function catalog (GetFunctions)', () => {
  test("lists the script's own functions exactly as the interpreter provides them", () => {
    const host = new Proxy({}, { get: () => () => undefined }) as unknown as ScriptFunctionHost;
    // Previous() and Window() are compiled by the LOAD compiler itself.
    const provided = [...contextFunctions(host).keys(), 'PREVIOUS', 'WINDOW'].sort();
    expect(SCRIPT_FUNCTION_INFO.map((info) => info.name.toUpperCase()).sort()).toEqual(provided);
  });

  test('the parser reads a bare first argument as a field name exactly for the field functions', () => {
    const named = APP_FUNCTION_INFO.filter((info) => /^field_?name/.test(info.params)).map((info) =>
      info.name.toUpperCase(),
    );
    expect([...FIELD_NAME_FUNCTIONS].sort()).toEqual(named.sort());
  });

  test('holds every scalar and chart function with its group and signature', () => {
    for (const spec of BUILTIN_FUNCTIONS.values())
      expect(FUNCTION_CATALOG).toContainEqual(
        expect.objectContaining({ name: spec.name, group: spec.group, signature: spec.signature }),
      );
    for (const spec of CHART_FUNCTIONS.values())
      expect(functionsOfGroup(spec.group)).toContainEqual({
        qName: spec.name,
        qGroup: spec.group,
        qSignature: spec.signature,
      });
  });

  test('filters by group, short or long name; a name appears once', () => {
    expect(functionsOfGroup('RNG').map((f) => f.qName)).toContain('RangeSum');
    expect(functionsOfGroup('FUNC_GROUP_RANGE')).toEqual(functionsOfGroup('RNG'));
    expect(functionsOfGroup('PROB').map((f) => f.qName)).toContain('NormDist');
    expect(functionsOfGroup('GEO')).toEqual([]);
    const all = functionsOfGroup();
    expect(new Set(all.map((f) => f.qName.toUpperCase())).size).toBe(all.length);
    expect(all.find((f) => f.qName === 'Left')).toEqual({
      qName: 'Left',
      qGroup: 'STR',
      qSignature: 'Left(text, count)',
    });
  });
});

describe('the grammar (GetBNF, GetBaseBNF)', () => {
  test('charts get chart functions, scripts script functions and statements', () => {
    const chart = bnfGrammar('E');
    const script = bnfGrammar('S');
    const names = (defs: typeof chart.defs) => new Set(defs.map((def) => def.qName));
    expect(names(chart.defs).has('Above')).toBe(true);
    expect(names(script.defs).has('Above')).toBe(false);
    expect(names(script.defs).has('ApplyMap')).toBe(true);
    expect(names(chart.defs).has('FirstValue')).toBe(false);
    expect(script.defs.some((def) => def.qScriptStatement && def.qBnf.length > 0)).toBe(true);
    expect(script.defs.some((def) => def.qControlStatement)).toBe(true);
  });

  test('rules refer to existing definitions; the text and hash come from them', () => {
    const { defs, text, hash } = bnfGrammar('E');
    defs.forEach((def, i) => {
      expect(def.qNbr).toBe(i);
      for (const part of def.qBnf) expect(part).toBeLessThan(defs.length);
    });
    expect(text).toContain('Sum_call ::= "Sum" "(" argument_list ")"');
    expect(text).toContain('Pi_call ::= "Pi" "(" ")"');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(bnfGrammar('S').hash).not.toBe(hash);
  });
});

describe('CheckExpression', () => {
  const scope = {
    isField: (name: string) => ['Sales', 'Region', 'Year', 'vMax'].includes(name),
    isVariable: (name: string) => ['vTarget', 'vMax'].includes(name),
    labels: ['Margin'],
  };

  test('reports the names that are no field, variable or label, where they are', () => {
    expect(checkExpression('Sum(NoSuchField)', scope)).toEqual({
      qErrorMsg: '',
      qBadFieldNames: [{ qFrom: 4, qCount: 11 }],
      qDangerousFieldNames: [],
    });
    expect(checkExpression('=Sum([No Such]) + Margin + vTarget', scope).qBadFieldNames).toEqual([
      { qFrom: 5, qCount: 9 },
    ]);
    expect(checkExpression('Sum({<Nope={1}>} TOTAL <Region> Sales)', scope).qBadFieldNames).toEqual(
      [{ qFrom: 6, qCount: 4 }],
    );
    expect(checkExpression('Sum(Sales) / Count(*)', scope)).toEqual({
      qErrorMsg: '',
      qBadFieldNames: [],
      qDangerousFieldNames: [],
    });
  });

  test('a name both a field and a variable is dangerous; syntax errors and unknown functions are messages', () => {
    expect(checkExpression('Max(vMax)', scope).qDangerousFieldNames).toEqual([
      { qFrom: 4, qCount: 4 },
    ]);
    expect(checkExpression('Sum(Sales', scope).qErrorMsg).toMatch(/Expected/);
    expect(checkExpression('Summ(Sales)', scope).qErrorMsg).toBe('Unknown function: Summ()');
  });
});
