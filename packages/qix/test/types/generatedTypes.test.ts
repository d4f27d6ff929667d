import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileFixtures,
  describeDiagnostic,
  diagnosticLine,
  typeOfConst,
  type CompiledFixtures,
} from './compileFixtures.js';

const PRELUDE = `import type {
  Doc,
  Field,
  GenericObject,
  GenericObjectProperties,
  Global,
  HyperCubeDef,
  NxCell,
  NxHypercubeMode,
  QixClasses,
  QixClassName,
} from '../../../src/generated/index.js';
declare const global: Global;
`;

const ACCEPTANCE = `${PRELUDE}
const doc = await global.openDoc('x');
const obj = await doc.getObject('y');
const layout = await obj.getLayout();
const qcy = layout.qHyperCube?.qSize.qcy;
const maybeRows: number | undefined = qcy;
const rowCount: number = layout.qHyperCube?.qSize.qcy ?? 0;
if (layout.qHyperCube) {
  const rows: number = layout.qHyperCube.qSize.qcy;
  console.log(rows);
}
export { maybeRows, rowCount };
`;

const USAGE = `${PRELUDE}
const doc: Doc = await global.openDoc({ qDocName: 'x', qNoData: true }, { timeout: 1000 });
const field: Field = await doc.getField('Country');
const selected: boolean = await field.selectValues([{ qText: 'Sweden' }], false);
const obj: GenericObject = await doc.createSessionObject({
  qInfo: { qType: 'table' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Country'] } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 50 }],
  },
  title: 'a key of the app, not of the engine',
});
const layout = await obj.getLayout({}, { signal: AbortSignal.timeout(1000) });
const title = layout['title'];
const cell = layout.qHyperCube?.qDataPages[0]?.qMatrix[0]?.[0]?.qText;
const sessionApp: Doc = await global.createSessionApp();
const check = await doc.checkExpression('Sum(x)');
const message: string = check.qErrorMsg;
const mode: NxHypercubeMode = 'DATA_MODE_STRAIGHT';
const short: NxHypercubeMode = 'S';
const byName: QixClasses['GenericObject'] = obj;
const kind: 'Doc' = doc.type;
const tempId: string = await doc.storeTempSelectionState();
declare function create<K extends QixClassName>(type: K, handle: number): QixClasses[K];
const field2: Field = create('Field', 5);
const partialDef: HyperCubeDef = {};
const minimalProps: GenericObjectProperties = { qInfo: { qType: 'x' } };
const plainCell: NxCell = { qElemNumber: 0, qState: 'O' };
export { field2, partialDef, minimalProps, plainCell, selected, title, cell, sessionApp, message, mode, short, byName, kind, tempId };
`;

// Each wrong program has exactly one line that must fail, marked with a comment.
const WRONG: Readonly<
  Record<string, { readonly code: string; readonly codes: readonly number[] }>
> = {
  'wrong-qcy-as-string.ts': {
    code: `const doc = await global.openDoc('x');
const layout = await (await doc.getObject('y')).getLayout();
const text: string | undefined = layout.qHyperCube?.qSize.qcy; // error`,
    codes: [2322],
  },
  'wrong-get-object-number.ts': {
    code: `const doc = await global.openDoc('x');
await doc.getObject(42); // error`,
    codes: [2769],
  },
  'wrong-named-unknown-key.ts': {
    code: `await global.openDoc({ qDocName: 'x', qBogus: 1 }); // error`,
    codes: [2769, 2353],
  },
  'wrong-missing-required.ts': {
    code: `await global.openDoc(); // error`,
    codes: [2554, 2575, 2769],
  },
  'wrong-return-type.ts': {
    code: `const doc = await global.openDoc('x');
const notAnObject: Field = await doc.getObject('y'); // error`,
    codes: [2322, 2739, 2740, 2741],
  },
  'wrong-options-without-named-form.ts': {
    code: `const doc = await global.openDoc('x');
await doc.getAppLayout(undefined, { timeout: 5 }); // error`,
    codes: [2345, 2554, 2769],
  },
  'wrong-properties-without-qinfo.ts': {
    code: `const props: GenericObjectProperties = { qHyperCubeDef: {} }; // error
export { props };`,
    codes: [2741],
  },
  'wrong-layout-cell-without-state.ts': {
    code: `const cell: NxCell = { qText: 'a', qElemNumber: 0 }; // error
export { cell };`,
    codes: [2741],
  },
  'wrong-enum-literal.ts': {
    code: `const mode: NxHypercubeMode = 'STRAIGHT'; // error
export { mode };`,
    codes: [2322],
  },
};

describe('generated types under the TypeScript compiler', () => {
  let compiled: CompiledFixtures;
  const sources: Record<string, string> = {
    'acceptance.ts': ACCEPTANCE,
    'usage.ts': USAGE,
    ...Object.fromEntries(
      Object.entries(WRONG).map(([name, wrong]) => [name, `${PRELUDE}${wrong.code}\n`]),
    ),
  };

  beforeAll(() => {
    compiled = compileFixtures(sources);
  });

  it('compiles the acceptance program with no diagnostics; qcy is a number behind the optional hypercube', () => {
    expect(compiled.errors('acceptance.ts').map(describeDiagnostic)).toEqual([]);
    expect(typeOfConst(compiled, 'acceptance.ts', 'doc')).toBe('Doc');
    expect(typeOfConst(compiled, 'acceptance.ts', 'obj')).toBe('GenericObject');
    expect(typeOfConst(compiled, 'acceptance.ts', 'layout')).toBe('GenericObjectLayout');
    expect(typeOfConst(compiled, 'acceptance.ts', 'qcy')).toBe('number | undefined');
  });

  it('compiles named calls with options, open property trees, enums and enigma unwrapping', () => {
    expect(compiled.errors('usage.ts').map(describeDiagnostic)).toEqual([]);
    expect(typeOfConst(compiled, 'usage.ts', 'title')).toBe('unknown');
    expect(typeOfConst(compiled, 'usage.ts', 'cell')).toBe('string | undefined');
    expect(typeOfConst(compiled, 'usage.ts', 'check')).toBe(
      '{ qErrorMsg: string; qBadFieldNames: NxRange[]; qDangerousFieldNames: NxRange[]; }',
    );
  });

  for (const [name, wrong] of Object.entries(WRONG)) {
    it(`rejects ${name.replace(/\.ts$/, '')} on the marked line`, () => {
      const errors = compiled.errors(name);
      const markedLine =
        sources[name]!.split('\n').findIndex((line) => line.includes('// error')) + 1;
      expect(errors.length, 'expected at least one error').toBeGreaterThan(0);
      for (const error of errors) {
        expect(diagnosticLine(error), describeDiagnostic(error)).toBe(markedLine);
        expect(wrong.codes, describeDiagnostic(error)).toContain(error.code);
      }
    });
  }
});
