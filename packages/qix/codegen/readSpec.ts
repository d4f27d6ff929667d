import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodegenError } from './CodegenError.js';
import type { EngineSpec, OpenRpcSpec, RemoteObjectReturnTypes } from './OpenRpcSpec.js';

/** The repository root: three levels above this folder (packages/qix/codegen). */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/** Where the qix specs live: `../shared/specs/qix` relative to the repository root. */
export function qixSpecDir(root: string = repoRoot()): string {
  return resolve(root, '..', 'shared', 'specs', 'qix');
}

/** True when both spec files are present (tests skip the spec comparisons otherwise). */
export function specAvailable(dir: string = qixSpecDir()): boolean {
  return (
    existsSync(join(dir, 'engine-rpc.json')) &&
    existsSync(join(dir, 'remote-object-return-types.json'))
  );
}

function readJson(path: string): unknown {
  if (!existsSync(path)) {
    throw new CodegenError(
      'SPEC_NOT_FOUND',
      `Spec file not found: ${path} (expected ../shared/specs/qix next to the repository)`,
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new CodegenError('SPEC_INVALID', `Spec file is not valid JSON: ${path}`, { cause });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRpc(value: unknown, path: string): OpenRpcSpec {
  const ok =
    isRecord(value) &&
    isRecord(value.info) &&
    typeof value.info.version === 'string' &&
    Array.isArray(value.methods) &&
    isRecord(value.components) &&
    isRecord(value.components.schemas);
  if (!ok)
    throw new CodegenError(
      'SPEC_INVALID',
      `Not an OpenRPC engine spec (info.version, methods, components.schemas): ${path}`,
    );
  return value as unknown as OpenRpcSpec;
}

function checkRemoteReturns(value: unknown, path: string): RemoteObjectReturnTypes {
  const table = isRecord(value) ? value['remote-object-return-types'] : undefined;
  if (!isRecord(table) || !Object.values(table).every((v) => typeof v === 'string')) {
    throw new CodegenError(
      'SPEC_INVALID',
      `Expected {"remote-object-return-types": {"Class.Method": "Class"}}: ${path}`,
    );
  }
  return table as RemoteObjectReturnTypes;
}

/** Reads and checks `engine-rpc.json` and `remote-object-return-types.json` from `dir`. */
export function readSpec(dir: string = qixSpecDir()): EngineSpec {
  const rpcPath = join(dir, 'engine-rpc.json');
  const remotePath = join(dir, 'remote-object-return-types.json');
  return {
    rpc: checkRpc(readJson(rpcPath), rpcPath),
    remoteReturns: checkRemoteReturns(readJson(remotePath), remotePath),
  };
}
