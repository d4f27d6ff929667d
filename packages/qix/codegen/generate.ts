import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodegenError } from './CodegenError.js';
import { generatedFiles } from './generatedFiles.js';
import { qixSpecDir, readSpec } from './readSpec.js';

/** The folder the generator writes to: `packages/qix/src/generated`. */
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
