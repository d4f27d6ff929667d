import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specDirectory, specsAvailable } from '../../../codegen/loadSpecs.js';

/** The repo root, from this file's place in it. */
export const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '..',
);

/** Where the REST specs are expected: `../shared/specs/rest` from the repo root. */
export const specDir = specDirectory(repoRoot);

/** False in a clone without `../shared`: spec-driven tests skip then. */
export const haveSpecs = specsAvailable(specDir);

/** The skip message spec-driven tests print when the specs are absent. */
export const NO_SPECS = `skipped: REST specs not found at ${specDir} (../shared/specs/rest relative to the repo root)`;
