import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../codegen/buildSchema.js';
import { generatedFiles } from '../../codegen/generatedFiles.js';
import { buildEngineModel } from '../../codegen/methodModel.js';
import { qixSpecDir, readSpec, specAvailable } from '../../codegen/readSpec.js';
import { qixSchema } from '../../src/generated/index.js';
import { readGenerated } from './generatedDeclarations.js';

const haveSpec = specAvailable();
if (!haveSpec) {
  console.warn(
    `Skipping spec comparisons: ${qixSpecDir()} is absent (a clone without ../shared/specs).`,
  );
}

describe.skipIf(!haveSpec)('generated files against ../shared/specs/qix', () => {
  it('the decoded runtime table deep-equals the table the generator computes from the spec', () => {
    const expected = buildSchema(buildEngineModel(readSpec()));
    expect(qixSchema).toEqual(expected);
    expect(Object.keys(qixSchema.structs.Doc ?? {})).toEqual(
      Object.keys(expected.structs.Doc ?? {}),
    );
  });

  it('regenerating gives byte-identical files to the committed ones', async () => {
    const files = await generatedFiles(readSpec());
    expect([...files.keys()].sort()).toEqual(['classes.ts', 'index.ts', 'schema.ts', 'types.ts']);
    for (const [name, text] of files) {
      expect(
        readGenerated(name) === text,
        `${name} differs: run npm run generate -w packages/qix`,
      ).toBe(true);
    }
  });

  it('covers every spec method and struct', () => {
    const spec = readSpec();
    const wireNames = Object.entries(qixSchema.structs).flatMap(([c, methods]) =>
      Object.keys(methods).map((m) => `${c}.${m}`),
    );
    expect(wireNames.sort()).toEqual(spec.rpc.methods.map((m) => m.name).sort());
    expect(Object.keys(spec.rpc.components.schemas)).toHaveLength(333);
  });
});
