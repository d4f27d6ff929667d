import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodegenError } from '../../qix/codegen/CodegenError.js';
import { qixSpecDir, readSpec } from '../../qix/codegen/readSpec.js';
import { generatedFiles } from './generatedFiles.js';

/** The folder the generator writes to: `packages/engine/src/generated`. */
export function outputDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated');
}

async function main(): Promise<void> {
  const specDir = qixSpecDir();
  const files = await generatedFiles(readSpec(specDir));
  const out = outputDir();
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  console.log(`Generated ${[...files.keys()].join(', ')} in ${out} from ${specDir}`);
  // The method table reads the handler table, which is typed by the files just written.
  const { engineStatuses } = await import('./engineStatuses.js');
  const { methodTable, withMethodTable } = await import('./methodTable.js');
  const readme = resolve(out, '..', '..', 'README.md');
  const text = await withMethodTable(readFileSync(readme, 'utf8'), methodTable(engineStatuses()));
  writeFileSync(readme, text);
  console.log(`Updated the method table in ${readme}`);
}

try {
  await main();
} catch (error) {
  const code = error instanceof CodegenError ? ` [${error.code}]` : '';
  console.error(
    `generate failed${code}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
