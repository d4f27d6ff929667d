import { readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { checkExpression } from '../../src/app/checkExpression.js';
import { FUNCTION_CATALOG } from '../../src/app/functionCatalog.js';
import { evaluate } from '../../src/expression/evaluate.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { UNSUPPORTED_FUNCTIONS } from '../../src/expression/functions/unsupportedFunctions.js';
import { runScript } from '../../src/script/runScript.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import { run } from '../expression/evaluateSource.js';

describe('system functions', () => {
  test('EngineVersion and ProductVersion are the version Global.EngineVersion reports', () => {
    expect(run('EngineVersion()')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run('ProductVersion()')).toBe(run('EngineVersion()'));
  });

  test('GetCollationLocale is the CollationLocale variable, else the machine locale', () => {
    const withVariable = evaluate(parseExpression('GetCollationLocale()'), {
      field: () => undefined,
      variable: (name) => (name === 'CollationLocale' ? 'sv-SE' : undefined),
      format: DEFAULT_FORMAT_SETTINGS,
    });
    expect(withVariable).toBe('sv-SE');
    expect(run('GetCollationLocale()')).toBe(new Intl.Collator().resolvedOptions().locale);
  });

  test('in the load script, after SET CollationLocale', async () => {
    const result = await runScript(
      "SET CollationLocale='sv-SE'; LET vLocale = GetCollationLocale(); LET vVersion = EngineVersion();",
      { dataDir: tmpdir() },
    );
    expect(result.variables.get('vLocale')).toBe('sv-SE');
    expect(result.variables.get('vVersion')).toBe(run('EngineVersion()'));
  });

  test('DocumentName, DocumentPath and ComputerName in the load script', async () => {
    const script =
      'LET vName = DocumentName(); LET vPath = DocumentPath(); LET vHost = ComputerName();';
    const result = await runScript(script, { dataDir: tmpdir(), appId: 'app-123' });
    expect(result.variables.get('vName')).toBe('app-123');
    expect(result.variables.get('vPath')).toBe('app-123');
    expect(result.variables.get('vHost')).toBe(hostname());
    // Outside an app there is no document: NULL, so LET leaves the variable unset.
    expect((await runScript(script, { dataDir: tmpdir() })).variables.has('vName')).toBe(false);
  });
});

describe('functions of the reference that are not implemented', () => {
  test.each([
    ['GeoMakePoint(59.3, 18.0)', 'GeoMakePoint', /geospatial/],
    ['SysColor(1)', 'SysColor', /Windows system colors/],
    ["GetRegistryString('HKEY_LOCAL_MACHINE', 'x')", 'GetRegistryString', /registry/],
    ['QlikTechBlue()', 'QlikTechBlue', /backwards compatibility/],
  ])('%s answers not implemented, naming the function', (source, name, reason) => {
    let error: unknown;
    try {
      run(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'EXPRESSION_FUNCTION_NOT_IMPLEMENTED' });
    expect((error as Error).message).toMatch(new RegExp(`^${name}\\(\\) is not implemented: `));
    expect((error as Error).message).toMatch(reason);
  });

  test('CheckExpression says so too; an unknown name stays unknown', () => {
    const scope = { isField: () => true, isVariable: () => false, labels: [] };
    expect(checkExpression('GeoProject(Area)', scope).qErrorMsg).toMatch(
      /^GeoProject\(\) is not implemented: /,
    );
    expect(checkExpression('GeoNothing(Area)', scope).qErrorMsg).toBe(
      'Unknown function: GeoNothing()',
    );
  });

  test("the README's list names each of them", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('**Functions not implemented**'));
    // The paragraph runs to the next blank line.
    const listed = section.slice(0, section.indexOf('\n\n'));
    for (const { name } of UNSUPPORTED_FUNCTIONS.values()) expect(listed).toContain(name);
  });

  test('GetFunctions lists none of them', () => {
    const listed = new Set(FUNCTION_CATALOG.map((info) => info.name.toUpperCase()));
    for (const key of UNSUPPORTED_FUNCTIONS.keys()) expect(listed.has(key)).toBe(false);
  });
});
