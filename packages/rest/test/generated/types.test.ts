import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The fixture is type-checked, never run: lines ending in `// error` must fail to compile, all others must pass.
const FIXTURE = `
import type { RestTransport } from '../../src/core/Operation.js';
import type { Download } from '../../src/core/Download.js';
import { createAppsService, getApp, exportApp, type NxApp } from '../../src/generated/services/apps.js';
import { listItems } from '../../src/generated/services/items.js';
import { createSpace } from '../../src/generated/services/spaces.js';
import { getTempContent } from '../../src/generated/services/temp-contents.js';
import type { RestServices } from '../../src/generated/services/index.js';

declare const transport: RestTransport;
declare const services: RestServices;

export async function typedCalls(): Promise<void> {
  const app: NxApp = await getApp(transport, { appId: 'a' });
  const name: string | undefined = app.attributes?.name;
  for await (const item of listItems(transport, { resourceType: 'app', limit: 10 })) {
    const id: string = item.id;
    void id;
  }
  const firstPage = await listItems(transport, { resourceType: 'app' });
  const count: number = firstPage.data.length;
  const space = await createSpace(transport, { body: { name: 'Sales', type: 'shared' } });
  const spaceId: string = space.id;
  const file: Download = await getTempContent(transport, { id: 't' });
  const exported: void = await exportApp(transport, { appId: 'a', NoData: true });
  const fromClient: NxApp = await services.apps.get({ appId: 'a' });
  const viaFactory = createAppsService(transport);
  await viaFactory.copy({ appId: 'a', body: { attributes: { name: 'copy' } } });
  const { data, status, headers } = await services.apps.get({ appId: 'a' }).withResponse();
  const located: string | null = headers.get('location');
  const withData: NxApp = data;
  void [name, count, spaceId, file, exported, fromClient, status, located, withData];
}

export async function wrongCalls(): Promise<void> {
  await getApp(transport, {}); // error
  await getApp(transport, { appId: 42 }); // error
  await getApp(transport); // error
  await listItems(transport, { resourceType: 'spreadsheet' }); // error
  await createSpace(transport, { body: { name: 'Sales', type: 'private' } }); // error
  await createSpace(transport, {}); // error
  const wrongResult: number = await getApp(transport, { appId: 'a' }); // error
  const wrongItem: number = (await listItems(transport).all())[0].name; // error
  await services.apps.nosuchmethod({ appId: 'a' }); // error
  void [wrongResult, wrongItem];
}
`;

const testDir = dirname(fileURLToPath(import.meta.url));
const fixturePath = join(testDir, '__types_fixture__.ts');

function compileFixture(): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [resolve(testDir, '..', '..', '..', '..', 'node_modules', '@types')],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => (path === fixturePath ? FIXTURE : readFile(path));
  host.fileExists = (path) => path === fixturePath || fileExists(path);
  host.getSourceFile = (path, language, onError, create) =>
    path === fixturePath
      ? ts.createSourceFile(path, FIXTURE, language)
      : getSourceFile(path, language, onError, create);
  const program = ts.createProgram({ rootNames: [fixturePath], options, host });
  const source = program.getSourceFile(fixturePath);
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
}

function lineOf(diagnostic: ts.Diagnostic): number {
  const file = diagnostic.file as ts.SourceFile;
  return file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
}

describe('generated types', () => {
  it('require typed arguments, reject wrong ones and type the results', () => {
    const diagnostics = compileFixture();
    const lines = FIXTURE.split('\n');
    const expected = lines.flatMap((line, index) => (line.endsWith('// error') ? [index] : []));
    const actual = [...new Set(diagnostics.map(lineOf))].sort((a, b) => a - b);
    const explain = diagnostics
      .map(
        (diagnostic) =>
          `${lineOf(diagnostic)}: ${lines[lineOf(diagnostic)].trim()} → ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      )
      .join('\n');
    expect(expected.length).toBe(9);
    expect(actual, explain).toEqual(expected);
  });
});
