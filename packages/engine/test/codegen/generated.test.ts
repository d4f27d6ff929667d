import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qixSpecDir, readSpec, specAvailable } from '../../../qix/codegen/readSpec.js';
import { engineStatuses } from '../../codegen/engineStatuses.js';
import { generatedFiles } from '../../codegen/generatedFiles.js';
import { methodTable, withMethodTable } from '../../codegen/methodTable.js';

const haveSpec = specAvailable();
if (!haveSpec) console.warn(`Skipping engine codegen checks: ${qixSpecDir()} is absent.`);

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('engine codegen', () => {
  it.skipIf(!haveSpec)(
    'regenerating gives byte-identical files to the committed ones',
    async () => {
      const files = await generatedFiles(readSpec());
      for (const [name, text] of files) {
        expect(
          read(`../../src/generated/${name}`) === text,
          `${name} differs: run npm run generate -w packages/engine`,
        ).toBe(true);
      }
    },
  );

  it("the README's method table is the handler table's", async () => {
    const readme = read('../../README.md');
    const expected = await withMethodTable(readme, methodTable(engineStatuses()));
    expect(readme === expected, 'run npm run generate -w packages/engine').toBe(true);
  });

  it('lists every method of the spec once, with a reason or a computation', () => {
    const statuses = engineStatuses();
    expect(statuses).toHaveLength(336);
    const names = statuses.map((s) => `${s.className}.${s.method}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
