import { describe, expect, it } from 'vitest';
import { encodeSchema } from '../../codegen/encodeSchema.js';
import { decodeSchema, SchemaDecodeError } from '../../src/schema/decodeSchema.js';
import type { QixSchema } from '../../src/schema/QixSchema.js';

const sample: QixSchema = {
  version: '1.2.3',
  structs: {
    Thing: {
      Plain: { In: [], Out: [] },
      Mixed: {
        In: [
          { Name: 'qText', DefaultValue: '' },
          { Name: 'qFlag', DefaultValue: false, Optional: true },
          { Name: 'qCount', DefaultValue: 0 },
          { Name: 'qList', DefaultValue: [], Optional: true },
          { Name: 'qProp', DefaultValue: {} },
          { Name: 'qLimit', DefaultValue: 10000, Optional: true },
          { Name: 'qMode', DefaultValue: 'DATA_MODE_STRAIGHT', Optional: true },
          { Name: 'qOn', DefaultValue: true },
        ],
        Out: [{ Name: 'qA' }, { Name: 'qB' }],
      },
    },
    Other: { Get: { In: [{ Name: 'qId', DefaultValue: '' }], Out: [{ Name: 'qLayout' }] } },
  },
};

describe('compact schema encoding', () => {
  it('round-trips every kind of default, optional flags and Out lists', () => {
    const encoded = encodeSchema(sample);
    expect(encoded.Thing).toBe(
      'Plain()|Mixed(qText,qFlag?=b,qCount=n,qList?=a,qProp=o,qLimit?=10000,qMode?="DATA_MODE_STRAIGHT",qOn=true)qA,qB',
    );
    expect(decodeSchema('1.2.3', encoded)).toEqual(sample);
  });

  it('rejects a malformed method token with a coded error naming the class', () => {
    const error = (() => {
      try {
        decodeSchema('1', { Broken: 'NoParens' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SchemaDecodeError);
    expect(error).toMatchObject({
      code: 'SCHEMA_ENCODING_INVALID',
      message: expect.stringContaining('Broken'),
    });
  });

  it('keeps the JSON parse failure of a bad literal as the cause', () => {
    expect(() => decodeSchema('1', { C: 'M(qX={bad)' })).toThrowError(
      expect.objectContaining({ code: 'SCHEMA_ENCODING_INVALID', cause: expect.any(SyntaxError) }),
    );
  });

  it('refuses to encode a default that would break the separators', () => {
    const bad: QixSchema = {
      structs: { C: { M: { In: [{ Name: 'qX', DefaultValue: 'a,b' }], Out: [] } } },
    };
    expect(() => encodeSchema(bad)).toThrowError(
      expect.objectContaining({ code: 'ENCODING_CONFLICT' }),
    );
  });
});
