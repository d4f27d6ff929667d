import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFixture,
  type EngineFixture,
  type RawSocket,
  SALES_SCRIPT,
} from './helpers/engineFixture.js';

let fixture: EngineFixture;
let raw: RawSocket;
let doc: number;

function handleOf(answer: Record<string, unknown>): number {
  return (answer.result as { qReturn: { qHandle: number } }).qReturn.qHandle;
}

beforeAll(async () => {
  fixture = await startFixture();
  raw = await fixture.raw('/app/engineData/identity/validation');
  await raw.next();
  doc = handleOf(await raw.call({ handle: -1, method: 'CreateSessionApp' }));
  await raw.call({ handle: doc, method: 'SetScript', params: [SALES_SCRIPT] });
  await raw.call({ handle: doc, method: 'DoReload' });
});
afterAll(() => fixture.close());

describe('parameters and stored properties checked against the spec', () => {
  it('refuses a parameter of the wrong type with LOCERR 8 naming it', async () => {
    expect(
      await raw.call({ handle: doc, method: 'GetTableData', params: ['x', 1, false, 'Orders'] }),
    ).toMatchObject({ error: { code: 8, parameter: 'qOffset' } });
    expect(await raw.call({ handle: doc, method: 'GetField', params: [{}] })).toMatchObject({
      error: { code: 8, parameter: 'qFieldName' },
    });
    const message = (
      (await raw.call({ handle: doc, method: 'Evaluate', params: { qExpression: [1] } })).error as {
        message: string;
      }
    ).message;
    expect(message).toBe('qExpression: expected a string, got an array');
  });

  it('refuses properties whose spec-typed keys have the wrong type, at any depth', async () => {
    const variable = handleOf(
      await raw.call({
        handle: doc,
        method: 'CreateSessionVariable',
        params: [{ qInfo: { qType: 'variable' }, qName: 'vOk', qDefinition: '1' }],
      }),
    );
    expect(
      await raw.call({ handle: variable, method: 'SetProperties', params: [{ qName: {} }] }),
    ).toMatchObject({ error: { code: 8, parameter: 'qProp/qName' } });
    // The same through a patch: the patched properties are checked before they are kept.
    expect(
      await raw.call({
        handle: variable,
        method: 'ApplyPatches',
        params: [[{ qOp: 'replace', qPath: '/qName', qValue: '{}' }]],
      }),
    ).toMatchObject({ error: { code: 8, parameter: '/qName' } });
    const props = await raw.call({ handle: variable, method: 'GetProperties' });
    expect((props.result as { qProp: { qName: unknown } }).qProp.qName).toBe('vOk');

    expect(
      await raw.call({
        handle: doc,
        method: 'CreateBookmark',
        params: [{ qInfo: { qType: 'bookmark' }, qIncludeVariables: [[1, 2]] }],
      }),
    ).toMatchObject({ error: { code: 8, parameter: 'qProp/qIncludeVariables' } });

    // A hypercube definition nested in a free part of the tree is checked too.
    expect(
      await raw.call({
        handle: doc,
        method: 'CreateSessionObject',
        params: [
          {
            qInfo: { qType: 'x' },
            children: [{ chart: { qHyperCubeDef: { qDimensions: 'Customer' } } }],
          },
        ],
      }),
    ).toMatchObject({
      error: { code: 8, parameter: 'qProp/children/0/chart/qHyperCubeDef/qDimensions' },
    });
  });

  it('keeps unknown keys, as Qlik does, and takes enum names in any case or as numbers', async () => {
    const object = handleOf(
      await raw.call({
        handle: doc,
        method: 'CreateSessionObject',
        params: [
          {
            qInfo: { qType: 'my-chart' },
            myExtension: { color: 'red', nested: [1, { deep: true }] },
            qHyperCubeDef: {
              qMode: 'p',
              qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
              qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
            },
          },
        ],
      }),
    );
    const props = (await raw.call({ handle: object, method: 'GetProperties' })).result as {
      qProp: { myExtension: unknown; qHyperCubeDef: { qMode: string } };
    };
    expect(props.qProp.myExtension).toEqual({ color: 'red', nested: [1, { deep: true }] });
    expect(props.qProp.qHyperCubeDef.qMode).toBe('P');
    expect(
      await raw.call({
        handle: object,
        method: 'ApplyPatches',
        params: [
          [
            { qOp: 1, qPath: '/myExtension' },
            { qOp: 'ADD', qPath: '/title', qValue: '"T"' },
          ],
        ],
      }),
    ).toMatchObject({ result: {} });
    const patched = (await raw.call({ handle: object, method: 'GetProperties' })).result as {
      qProp: Record<string, unknown>;
    };
    expect(patched.qProp.myExtension).toBeUndefined();
    expect(patched.qProp.title).toBe('T');
    expect(
      await raw.call({
        handle: object,
        method: 'ApplyPatches',
        params: [[{ qOp: 'move', qPath: '/title', qValue: '1' }]],
      }),
    ).toMatchObject({ error: { code: 8, parameter: 'qPatches/0/qOp' } });
  });
});
