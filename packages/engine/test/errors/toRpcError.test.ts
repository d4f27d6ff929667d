import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors/EngineError.js';
import { LocError } from '../../src/errors/LocError.js';
import { ModelError } from '../../src/model/ModelError.js';
import { SelectionError } from '../../src/selection/SelectionError.js';
import { HyperCubeError } from '../../src/hypercube/HyperCubeError.js';
import { JsonRpcErr, RpcError } from '../../src/server/protocol/RpcError.js';
import { toRpcError } from '../../src/server/protocol/toRpcError.js';

function convert(error: unknown): { body: ReturnType<RpcError['toJSON']>; bugs: unknown[] } {
  const bugs: unknown[] = [];
  const body = toRpcError(error, (bug) => bugs.push(bug)).toJSON();
  return { body, bugs };
}

describe('toRpcError: one map from engine errors to LOCERR', () => {
  it('answers a LocError with its LOCERR number and parameter', () => {
    const { body, bugs } = convert(
      new LocError('LOCERR_APP_NOT_FOUND', 'App not found: x', { parameter: 'x' }),
    );
    expect(body).toEqual({ code: 1003, parameter: 'x', message: 'App not found: x' });
    expect(bugs).toEqual([]);
  });

  it("maps the layers' own codes", () => {
    expect(convert(new ModelError('FIELD_NOT_FOUND', 'no field')).body.code).toBe(2);
    expect(convert(new SelectionError('STATE_EXISTS', 'exists')).body.code).toBe(3);
    expect(convert(new HyperCubeError('LOCERR_CALC_PAGES_TOO_LARGE', 'big')).body.code).toBe(7009);
  });

  it('answers an abort as LOCERR_GENERIC_ABORTED', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(convert(abort)).toEqual({ body: expect.objectContaining({ code: 15 }), bugs: [] });
  });

  it('keeps JSON-RPC errors as they are', () => {
    const error = new RpcError(JsonRpcErr.METHOD_NOT_FOUND, 'nope', 'X');
    expect(convert(error).body).toEqual({ code: -32601, parameter: 'X', message: 'nope' });
  });

  it('answers a bug (a TypeError, an unmapped code) with LOCERR_GENERIC_INTERNAL_ERROR and reports it with its stack', () => {
    let bug: TypeError | undefined;
    try {
      (undefined as unknown as { replace(): void }).replace();
    } catch (error) {
      bug = error as TypeError;
    }
    const { body, bugs } = convert(bug);
    expect(body.code).toBe(10);
    expect(body.message).not.toContain('replace');
    expect(bugs).toEqual([bug]);
    expect((bugs[0] as Error).stack).toContain('toRpcError.test.ts');
    const unmapped = new EngineError('SOMETHING_NEW', 'x');
    expect(convert(unmapped)).toEqual({
      body: expect.objectContaining({ code: 10 }),
      bugs: [unmapped],
    });
  });
});
