import { afterEach, beforeEach, expect, it } from 'vitest';
import { iterateHyperCubePages, openSession, type QixSession } from '@qlikit/qix';
import { errorCodes } from '@qlikit/qix/error-codes';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

const ROWS = 25;
let engine: ScriptedEngine;
let session: QixSession;

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine);
  engine.on('GetLayout', () => ({
    result: { qLayout: { qInfo: { qId: 'cube' }, qHyperCube: { qSize: { qcx: 2, qcy: ROWS } } } },
  }));
  engine.on('GetHyperCubeData', (request) => {
    const [path, pages] = request.params as [
      string,
      Array<{ qTop: number; qHeight: number; qWidth: number; qLeft: number }>,
    ];
    if (path !== '/qHyperCubeDef') return { error: { code: 2, message: `no cube at ${path}` } };
    return {
      result: {
        qDataPages: pages.map((page) => ({
          qArea: page,
          qMatrix: Array.from({ length: page.qHeight }, (_, i) => [
            { qText: `row ${page.qTop + i}`, qNum: 'NaN', qElemNumber: page.qTop + i, qState: 'O' },
            { qText: String(page.qTop + i), qNum: page.qTop + i, qElemNumber: 0, qState: 'L' },
          ]),
        })),
      },
    };
  });
  session = openSession({ url: engine.url, reconnect: false });
});

afterEach(async () => {
  await session.close();
  await engine.stop();
});

it('yields every page of the hypercube top to bottom', async () => {
  const doc = await (await session.open()).openDoc('app');
  const cube = await doc.createSessionObject({ qInfo: { qType: 'cube' }, qHyperCubeDef: {} });
  const tops: number[] = [];
  const rows: string[] = [];
  for await (const page of iterateHyperCubePages(cube, {
    path: '/qHyperCubeDef',
    pageHeight: 10,
  })) {
    tops.push(page.qArea.qTop);
    for (const row of page.qMatrix) rows.push(row[0].qText ?? '');
  }
  expect(tops).toEqual([0, 10, 20]);
  expect(rows).toEqual(Array.from({ length: ROWS }, (_, i) => `row ${i}`));
  expect(
    engine.requestsOf('GetHyperCubeData').map((request) => (request.params as unknown[])[1]),
  ).toEqual([
    [{ qLeft: 0, qTop: 0, qWidth: 2, qHeight: 10 }],
    [{ qLeft: 0, qTop: 10, qWidth: 2, qHeight: 10 }],
    [{ qLeft: 0, qTop: 20, qWidth: 2, qHeight: 5 }],
  ]);
});

it('stops with REQUEST_ABORTED when its signal aborts', async () => {
  const doc = await (await session.open()).openDoc('app');
  const cube = await doc.createSessionObject({ qInfo: { qType: 'cube' }, qHyperCubeDef: {} });
  const controller = new AbortController();
  const seen: number[] = [];
  const iterate = async () => {
    for await (const page of iterateHyperCubePages(cube, {
      pageHeight: 10,
      signal: controller.signal,
    })) {
      seen.push(page.qArea.qTop);
      controller.abort();
    }
  };
  await expect(iterate()).rejects.toMatchObject({ code: errorCodes.REQUEST_ABORTED });
  expect(seen).toEqual([0]);
});
