import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CodegenError } from './CodegenError.js';
import type { OpenApiDocument } from './OpenApi.js';

/** One spec file: the service it becomes (its file name) and its parsed document. */
export interface SpecFile {
  readonly service: string;
  readonly fileName: string;
  readonly document: OpenApiDocument;
}

/** Where the REST specs live: `../shared/specs/rest` next to the repo root. */
export function specDirectory(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'specs', 'rest');
}

/** True when the spec directory is present (tests skip without it). */
export function specsAvailable(directory: string): boolean {
  return existsSync(directory) && statSync(directory).isDirectory();
}

/** Reads every `*.json` spec of the directory, sorted by file name so output order never varies. */
export function loadSpecs(directory: string): SpecFile[] {
  if (!specsAvailable(directory)) {
    throw new CodegenError(
      'SPECS_MISSING',
      `REST specs not found at ${directory}; the generator reads ../shared/specs/rest relative to the repo root`,
    );
  }
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((fileName) => ({
      service: basename(fileName, '.json'),
      fileName,
      document: parseSpec(join(directory, fileName)),
    }));
}

function parseSpec(path: string): OpenApiDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CodegenError('SPEC_INVALID', `Cannot parse ${path} as JSON`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || !('paths' in parsed)) {
    throw new CodegenError('SPEC_INVALID', `${path} is not an OpenAPI document (no "paths")`);
  }
  return parsed as OpenApiDocument;
}
