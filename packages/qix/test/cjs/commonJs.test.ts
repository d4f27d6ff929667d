import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '@qlikit/engine';
import { openSession } from '@qlikit/qix';
import { ensureBuild, packageDir } from './ensureBuild.js';

const run = promisify(execFile);
const repoNodeModules = join(packageDir, '..', '..', 'node_modules');

const SCRIPT = `Orders:
LOAD * INLINE [
OrderId, Customer, Amount
1, Alice, 10
2, Alice, 20
3, Bob, 5
4, Carol, 7
];
`;

/**
 * A typical enigma.js CommonJS program. It is run twice, unchanged but for
 * the module names in its two `require` calls of enigma.js itself: once with
 * enigma.js, once with @qlikit/qix. The schema file and `ws` stay enigma.js's
 * and the user's own, as in real programs.
 */
function enigmaProgram(enigmaModule: string, errorCodesModule: string): string {
  return `'use strict';
const enigma = require('${enigmaModule}');
const { OBJECT_NOT_FOUND } = require('${errorCodesModule}');
const schema = require('enigma.js/schemas/12.2027.0.json');
const WebSocket = require('ws');

const [engineUrl, appId] = process.argv.slice(2);
const out = (...values) => console.log(JSON.stringify(values));

const session = enigma.create({
  schema,
  url: engineUrl + '/app/engineData',
  createSocket: (url) => new WebSocket(url),
});
// The engine's OnConnected may come before or after open() resolves: keep it for the end.
let sessionState;
session.on('notification:OnConnected', (params) => { sessionState = params.qSessionState; });
session.on('closed', () => out('closed', sessionState));

async function main() {
  const global = await session.open();
  out('global', global.id, global.type);
  const doc = await global.openDoc(appId);
  out('doc', doc.type, (await doc.getAppLayout()).qTitle);
  const table = await doc.createSessionObject({
    qInfo: { qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
    },
  });
  const rows = (layout) => layout.qHyperCube.qDataPages[0].qMatrix.map((row) => row.map((cell) => cell.qText));
  out('object', table.type, table.genericType);
  out('rows', rows(await table.getLayout()));
  let changes = 0;
  table.on('changed', () => { changes += 1; });
  const field = await doc.getField('Customer');
  out('select', await field.selectValues([{ qText: 'Alice' }], false, false));
  out('changed', changes > 0);
  out('rows', rows(await table.getLayout()));
  await doc.getObject('no-such-object').then(
    () => out('getObject', 'resolved'),
    (error) => out('getObject', error.code === OBJECT_NOT_FOUND, error.code),
  );
  await session.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

/** Error codes and buildUrl of both packages, required by a CommonJS program, side by side. */
const COMPAT_MODULES_PROGRAM = `'use strict';
const errorCodes = require('@qlikit/qix/error-codes');
const enigmaErrorCodes = require('enigma.js/error-codes');
const senseUtilities = require('@qlikit/qix/sense-utilities');
const { buildUrl } = require('@qlikit/qix/sense-utilities');
const EnigmaSenseUtilities = require('enigma.js/sense-utilities');
const enigma = require('@qlikit/qix/enigma');
const qix = require('@qlikit/qix');

const cases = [
  {},
  { host: 'sense.example.com' },
  { host: 'h', port: 4848, secure: false },
  { host: 'h', prefix: '/proxy/', subpath: 'sub/', appId: 'my app.qvf' },
  { host: 'h', route: '/app/engineData/', identity: 'a b', ttl: 30 },
  { host: 'h', appId: 'abc', urlParams: { reloadUri: 'https://h/sense/app/abc', a: [1, 2], flag: true } },
];

console.log(JSON.stringify({
  errorCodes,
  enigmaErrorCodes,
  errorCodesKeys: Object.keys(errorCodes),
  urls: cases.map((options) => [buildUrl(options), senseUtilities.buildUrl(options), EnigmaSenseUtilities.buildUrl(options)]),
  senseUtilitiesKeys: Object.keys(senseUtilities),
  enigmaKeys: Object.keys(enigma),
  createIsFunction: typeof enigma.create === 'function',
  defaultIsTheModule: enigma.default === enigma && errorCodes.default === errorCodes,
  qixKeys: Object.keys(qix).sort(),
  // The entries share one copy of each module, as the ESM build's files do.
  sharedClasses: [
    enigma.create({ schema: qix.qixSchema, url: 'ws://127.0.0.1:9' }) instanceof qix.Session,
    (() => { try { enigma.create(); } catch (error) { return error instanceof qix.QixError && error.code === errorCodes.NO_CONFIG_SUPPLIED; } })(),
    qix.buildUrl === buildUrl,
  ],
  resolved: ['@qlikit/qix', '@qlikit/qix/enigma', '@qlikit/qix/error-codes', '@qlikit/qix/sense-utilities'].map((name) =>
    require('node:path').relative(${JSON.stringify(packageDir)}, require.resolve(name)),
  ),
}));
`;

/** The ESM entry points still load the ESM build. */
const ESM_PROGRAM = `import enigma, { create } from '@qlikit/qix/enigma';
import errorCodes from '@qlikit/qix/error-codes';
import senseUtilities, { buildUrl } from '@qlikit/qix/sense-utilities';
import { openSession, qixSchema } from '@qlikit/qix';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const [engineUrl, appId] = process.argv.slice(2);
const session = openSession({ url: engineUrl + '/app/engineData', reconnect: false });
const global = await session.open();
const doc = await global.openDoc(appId);
const title = (await doc.getAppLayout()).qTitle;
await session.close();

const legacy = enigma.create({ schema: qixSchema, url: engineUrl + '/app/engineData' });
const legacyGlobal = await legacy.open();
await legacy.close();

console.log(JSON.stringify({
  title,
  legacyGlobal: legacyGlobal.id,
  sameCreate: create === enigma.create,
  notConnected: errorCodes.NOT_CONNECTED,
  url: buildUrl({ host: 'h', appId: 'a' }),
  sameBuildUrl: senseUtilities.buildUrl === buildUrl,
  resolved: ['@qlikit/qix', '@qlikit/qix/enigma'].map((name) =>
    relative(${JSON.stringify(packageDir)}, fileURLToPath(import.meta.resolve(name))),
  ),
}));
`;

/** A TypeScript CommonJS consumer: checked with tsc against dist/cjs/*.d.cts. */
const TYPESCRIPT_CONSUMER = `import qix = require('@qlikit/qix');
import enigma from '@qlikit/qix/enigma';
import { create, type EnigmaConfig } from '@qlikit/qix/enigma';
import errorCodes from '@qlikit/qix/error-codes';
import senseUtilities = require('@qlikit/qix/sense-utilities');
import type { QixSession } from '@qlikit/qix';

const config: EnigmaConfig = { schema: qix.qixSchema, url: senseUtilities.buildUrl({ host: 'localhost', appId: 'x' }) };
export const session: QixSession = qix.openSession({ url: config.url });
export const legacy = create === enigma.create ? enigma.create(config) : undefined;
export const code: -1 = errorCodes.NOT_CONNECTED;
export const same: boolean = senseUtilities.default.buildUrl === senseUtilities.buildUrl;
`;

let engine: RunningEngine;
let dataDir: string;
let workDir: string;
let appId: string;

/** Runs a program file of workDir with plain node (no test conditions or loaders); returns its stdout. */
async function node(file: string, ...args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout } = await run(process.execPath, [join(workDir, file), ...args], {
    cwd: workDir,
    env,
    timeout: 20_000,
  });
  return stdout;
}

function lines(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

beforeAll(async () => {
  await ensureBuild();
  dataDir = await mkdtemp(join(tmpdir(), 'qlikit-cjs-engine-'));
  engine = await startEngine({ port: 0, dataDir });
  const session = openSession({ url: `${engine.url}/app/engineData`, reconnect: false });
  try {
    const global = await session.open();
    ({ qAppId: appId } = await global.createApp('CommonJS'));
    const doc = await global.openDoc(appId);
    await doc.setScript(SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.setAppProperties({ qTitle: 'CommonJS sales' });
    await doc.doSave();
  } finally {
    await session.close();
  }
  // Programs live outside the repository, as users' do, and find the
  // packages through a node_modules link to the workspace's.
  workDir = await mkdtemp(join(tmpdir(), 'qlikit-cjs-programs-'));
  await symlink(repoNodeModules, join(workDir, 'node_modules'), 'dir');
  await writeFile(
    join(workDir, 'with-enigma.cjs'),
    enigmaProgram('enigma.js', 'enigma.js/error-codes'),
  );
  await writeFile(
    join(workDir, 'with-qlikit.cjs'),
    enigmaProgram('@qlikit/qix/enigma', '@qlikit/qix/error-codes'),
  );
  await writeFile(join(workDir, 'compat-modules.cjs'), COMPAT_MODULES_PROGRAM);
  await writeFile(join(workDir, 'esm.mjs'), ESM_PROGRAM);
  await writeFile(join(workDir, 'consumer.cts'), TYPESCRIPT_CONSUMER);
}, 120_000);

afterAll(async () => {
  await engine?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the CommonJS build', () => {
  it('runs an enigma.js CommonJS program unchanged but for its require of enigma.js', async () => {
    const qlikit = lines(await node('with-qlikit.cjs', engine.url, appId));
    expect(qlikit).toEqual([
      ['global', 'Global', 'Global'],
      ['doc', 'Doc', 'CommonJS sales'],
      ['object', 'GenericObject', 'table'],
      [
        'rows',
        [
          ['Alice', '30'],
          ['Bob', '5'],
          ['Carol', '7'],
        ],
      ],
      ['select', true],
      ['changed', true],
      ['rows', [['Alice', '30']]],
      ['getObject', true, -2],
      ['closed', 'SESSION_CREATED'],
    ]);
    // And it prints what the same program prints with enigma.js.
    expect(qlikit).toEqual(lines(await node('with-enigma.cjs', engine.url, appId)));
  });

  it('exports error codes and buildUrl as enigma.js does, and the same values', async () => {
    const result = JSON.parse(await node('compat-modules.cjs')) as {
      errorCodes: Record<string, number>;
      enigmaErrorCodes: Record<string, number>;
      errorCodesKeys: string[];
      urls: [string, string, string][];
      senseUtilitiesKeys: string[];
      enigmaKeys: string[];
      createIsFunction: boolean;
      defaultIsTheModule: boolean;
      qixKeys: string[];
      sharedClasses: boolean[];
      resolved: string[];
    };
    // enigma.js's codes, each with its value, first and in its order; then qlikit's own.
    expect(result.errorCodesKeys.slice(0, 12)).toEqual(Object.keys(result.enigmaErrorCodes));
    expect(result.errorCodes).toMatchObject(result.enigmaErrorCodes);
    expect(result.errorCodes).toMatchObject({ REQUEST_ABORTED: -13, REQUEST_TIMEOUT: -14 });
    expect(result.errorCodesKeys).not.toContain('default');
    for (const [ours, oursByModule, enigmas] of result.urls) {
      expect(ours).toBe(enigmas);
      expect(oursByModule).toBe(enigmas);
    }
    expect(result.senseUtilitiesKeys).toEqual(['buildUrl', 'buildCloudUrl']);
    // `module.exports` is the enigma object itself, as `require('enigma.js')` is.
    expect(result.enigmaKeys).toEqual(['create']);
    expect(result.createIsFunction).toBe(true);
    expect(result.defaultIsTheModule).toBe(true);
    expect(result.qixKeys).toEqual(
      expect.arrayContaining([
        'openSession',
        'Session',
        'QixError',
        'errorCodes',
        'buildUrl',
        'qixSchema',
      ]),
    );
    expect(result.sharedClasses).toEqual([true, true, true]);
    expect(result.resolved).toEqual([
      join('dist', 'cjs', 'index.cjs'),
      join('dist', 'cjs', 'enigma.cjs'),
      join('dist', 'cjs', 'error-codes.cjs'),
      join('dist', 'cjs', 'sense-utilities.cjs'),
    ]);
  });

  it('leaves the ESM entry points on the ESM build', async () => {
    expect(JSON.parse(await node('esm.mjs', engine.url, appId))).toEqual({
      title: 'CommonJS sales',
      legacyGlobal: 'Global',
      sameCreate: true,
      notConnected: -1,
      url: 'wss://h/app/a',
      sameBuildUrl: true,
      resolved: [join('dist', 'index.js'), join('dist', 'enigma.js')],
    });
  });

  it('gives TypeScript CommonJS consumers types (module node16 and nodenext)', async () => {
    const tsc = join(repoNodeModules, 'typescript', 'bin', 'tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--esModuleInterop',
      '--skipLibCheck',
      'false',
      '--types',
      'node',
    ];
    const outputs = await Promise.all(
      ['node16', 'nodenext'].map((module) =>
        run(
          process.execPath,
          [tsc, ...args, '--module', module, '--moduleResolution', module, 'consumer.cts'],
          { cwd: workDir },
        ).then(
          ({ stdout }) => stdout,
          (error: { stdout?: string }) =>
            `tsc --module ${module} failed:\n${error.stdout ?? String(error)}`,
        ),
      ),
    );
    expect(outputs).toEqual(['', '']);
  }, 300_000); // two tsc runs: minutes on a loaded CI machine
});
