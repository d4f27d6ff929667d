import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServices } from './buildServices.js';
import { CodegenError } from './CodegenError.js';
import { specDirectory } from './loadSpecs.js';

// `npm run generate`: regenerates src/generated/ from ../shared/specs/rest (resolved from the repo root).
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageRoot, '..', '..');
const outDir = join(packageRoot, 'src', 'generated');

try {
  const { files, services } = buildServices(specDirectory(repoRoot));
  removeStaleModules(join(outDir, 'services'), files);
  for (const [path, source] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source);
  }
  const operations = services.reduce((sum, service) => sum + service.operations.length, 0);
  console.log(`generated ${services.length} services, ${operations} operations into ${outDir}`);
} catch (error) {
  if (error instanceof CodegenError) {
    console.error(`generate failed [${error.code}]: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

/** Deletes modules of services whose spec is gone, so the output mirrors the specs exactly. */
function removeStaleModules(directory: string, files: ReadonlyMap<string, string>): void {
  let existing: string[];
  try {
    existing = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of existing) {
    if (name.endsWith('.ts') && !files.has(`services/${name}`)) rmSync(join(directory, name));
  }
}
