import { describe, expect, it } from 'vitest';
import { qixSchema } from '../../src/generated/index.js';
import { methodSignatures } from './generatedDeclarations.js';

const { structs } = qixSchema;

describe('known method signatures in the table', () => {
  it('Global.OpenDoc: one required param, four optional ones with defaults, result in qReturn', () => {
    expect(structs.Global?.OpenDoc).toEqual({
      In: [
        { Name: 'qDocName', DefaultValue: '' },
        { Name: 'qUserName', DefaultValue: '', Optional: true },
        { Name: 'qPassword', DefaultValue: '', Optional: true },
        { Name: 'qSerial', DefaultValue: '', Optional: true },
        { Name: 'qNoData', DefaultValue: false, Optional: true },
      ],
      Out: [],
    });
  });

  it('Doc.GetObject takes qId and has no Out params (qReturn is the object)', () => {
    expect(structs.Doc?.GetObject).toEqual({ In: [{ Name: 'qId', DefaultValue: '' }], Out: [] });
  });

  it('lists non-qReturn result keys as Out params', () => {
    expect(structs.Global?.CreateSessionApp?.Out).toEqual([{ Name: 'qSessionAppId' }]);
    expect(structs.GenericObject?.GetLayout).toEqual({ In: [], Out: [{ Name: 'qLayout' }] });
    expect(structs.Doc?.CheckExpression?.Out).toEqual([
      { Name: 'qErrorMsg' },
      { Name: 'qBadFieldNames' },
      { Name: 'qDangerousFieldNames' },
    ]);
  });

  it('takes defaults the spec states in descriptions, else the first enum choice, else the zero value', () => {
    expect(structs.GenericObject?.GetHyperCubeStackData?.In[2]).toEqual({
      Name: 'qMaxNbrCells',
      DefaultValue: 10000,
      Optional: true,
    });
    expect(structs.Doc?.GetMatchingFields?.In[1]?.DefaultValue).toBe('MATCHINGFIELDMODE_MATCH_ALL');
    expect(structs.GenericObject?.ExportData?.In[3]?.DefaultValue).toBe('A');
    expect(structs.GenericObject?.ExportData?.In[0]?.DefaultValue).toBe('CSV_C');
    expect(structs.Global?.GetFunctions?.In[0]).toEqual({
      Name: 'qGroup',
      DefaultValue: 'ALL',
      Optional: true,
    });
    expect(structs.Field?.SelectValues?.In).toEqual([
      { Name: 'qFieldValues', DefaultValue: [] },
      { Name: 'qToggleMode', DefaultValue: false, Optional: true },
      { Name: 'qSoftLock', DefaultValue: false, Optional: true },
    ]);
    expect(structs.Doc?.CreateSessionObject?.In).toEqual([{ Name: 'qProp', DefaultValue: {} }]);
    // Prose bullets ("* Path and name of the app") are not values.
    expect(structs.Global?.GetAppEntry?.In).toEqual([{ Name: 'qAppID', DefaultValue: '' }]);
  });

  it('gives each param its own default object, so mutating one cannot leak into another', () => {
    const a = structs.Doc?.CreateObject?.In[0]?.DefaultValue;
    const b = structs.Doc?.CreateSessionObject?.In[0]?.DefaultValue;
    expect(a).toEqual({});
    expect(a).not.toBe(b);
  });

  it('types object-returning methods with the class interface, unwraps like enigma, and takes options after every positional param', () => {
    expect(methodSignatures('Global', 'openDoc')).toEqual([
      'openDoc(qDocName: string, qUserName?: string, qPassword?: string, qSerial?: string, qNoData?: boolean, options?: CallOptions): QixPromise<Doc>;',
      'openDoc(params: { qDocName: string; qUserName?: string; qPassword?: string; qSerial?: string; qNoData?: boolean }, options?: CallOptions): QixPromise<Doc>;',
    ]);
    expect(methodSignatures('Doc', 'getObject')).toEqual([
      'getObject(qId: string, options?: CallOptions): QixPromise<GenericObject>;',
      'getObject(params: { qId: string }, options?: CallOptions): QixPromise<GenericObject>;',
    ]);
    expect(methodSignatures('Doc', 'getField')[0]).toBe(
      'getField(qFieldName: string, qStateName?: string, options?: CallOptions): QixPromise<Field>;',
    );
    expect(methodSignatures('Global', 'createSessionApp')).toEqual([
      'createSessionApp(): QixPromise<Doc>;',
      'createSessionApp(params: Record<string, never>, options?: CallOptions): QixPromise<Doc>;',
    ]);
    expect(methodSignatures('Global', 'oSName')).toEqual([
      'oSName(): QixPromise<string>;',
      'oSName(params: Record<string, never>, options?: CallOptions): QixPromise<string>;',
    ]);
    expect(methodSignatures('GenericObject', 'getLayout')).toEqual([
      'getLayout(): QixPromise<GenericObjectLayout>;',
      'getLayout(params: Record<string, never>, options?: CallOptions): QixPromise<GenericObjectLayout>;',
    ]);
    // enigma drops qReturn for these three, then the single Out param is the value.
    expect(methodSignatures('Global', 'getInteract')[0]).toBe(
      'getInteract(qRequestId: number, options?: CallOptions): QixPromise<InteractDef>;',
    );
    expect(methodSignatures('Doc', 'storeTempSelectionState')[0]).toBe(
      'storeTempSelectionState(qTTLOfTempState?: number, options?: CallOptions): QixPromise<string>;',
    );
    expect(methodSignatures('Doc', 'createTemporaryBookmark')[0]).toBe(
      'createTemporaryBookmark(qOptions: NxTempBookmarkOptions, qObjectIdsToPatch?: string[], options?: CallOptions): QixPromise<string>;',
    );
    // Two Out params and no qReturn: the whole result object.
    expect(methodSignatures('Doc', 'checkExpression')[0]).toBe(
      'checkExpression(qExpr: string, qLabels?: string[], options?: CallOptions): QixPromise<{ qErrorMsg: string; qBadFieldNames: NxRange[]; qDangerousFieldNames: NxRange[] }>;',
    );
    // Plain strings whose description lists wire values take the matching enum type.
    expect(methodSignatures('Global', 'getFunctions')[0]).toBe(
      'getFunctions(qGroup?: FunctionGroup, options?: CallOptions): QixPromise<Function[]>;',
    );
    expect(methodSignatures('GenericObject', 'exportData')[0]).toContain(
      'qFileType: NxExportFileType',
    );
    // An optional param before a required one cannot be `?` in positional form.
    expect(methodSignatures('Doc', 'getDatabaseTableFields')[0]).toBe(
      'getDatabaseTableFields(qConnectionId: string, qDatabase: string | undefined, qOwner: string | undefined, qTable: string, options?: CallOptions): QixPromise<DataField[]>;',
    );
  });
});
