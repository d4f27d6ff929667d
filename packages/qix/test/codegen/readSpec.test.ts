import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CodegenError } from '../../codegen/CodegenError.js';
import { readSpec } from '../../codegen/readSpec.js';

describe('reading the spec', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'qix-spec-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fails clearly with SPEC_NOT_FOUND and the path when the spec folder is absent', () => {
    const missing = join(tempDir(), 'nope');
    expect(() => readSpec(missing)).toThrowError(
      expect.objectContaining({
        code: 'SPEC_NOT_FOUND',
        message: expect.stringContaining(join(missing, 'engine-rpc.json')),
      }),
    );
  });

  it('keeps the parse error as cause when a spec file is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'engine-rpc.json'), '{ not json');
    writeFileSync(join(dir, 'remote-object-return-types.json'), '{}');
    let caught: unknown;
    try {
      readSpec(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CodegenError);
    expect(caught).toMatchObject({ code: 'SPEC_INVALID', cause: expect.any(SyntaxError) });
  });

  it('rejects JSON that is not an OpenRPC engine spec', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'engine-rpc.json'), JSON.stringify({ info: {}, methods: [] }));
    writeFileSync(
      join(dir, 'remote-object-return-types.json'),
      JSON.stringify({ 'remote-object-return-types': {} }),
    );
    expect(() => readSpec(dir)).toThrowError(expect.objectContaining({ code: 'SPEC_INVALID' }));
  });
});
