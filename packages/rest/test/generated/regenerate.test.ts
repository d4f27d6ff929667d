import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../codegen/buildServices.js';
import { servicesDir } from './support/loadGenerated.js';
import { haveSpecs, NO_SPECS, specDir } from './support/specs.js';

describe.skipIf(!haveSpecs)(haveSpecs ? 'regeneration' : NO_SPECS, () => {
  it('produces exactly the committed files, byte for byte', () => {
    const { files } = buildServices(specDir);
    const committed = readdirSync(servicesDir)
      .filter((name) => name.endsWith('.ts'))
      .sort();
    expect(committed).toEqual(
      [...files.keys()].map((path) => path.replace(/^services\//, '')).sort(),
    );
    for (const [path, source] of files) {
      expect(
        readFileSync(join(servicesDir, path.replace(/^services\//, '')), 'utf8') === source,
        path,
      ).toBe(true);
    }
  });

  it('is deterministic from one run to the next', () => {
    const first = buildServices(specDir).files;
    const second = buildServices(specDir).files;
    expect([...second.entries()]).toEqual([...first.entries()]);
  });
});
