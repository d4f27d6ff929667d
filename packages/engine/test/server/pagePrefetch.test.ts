import { describe, expect, test } from 'vitest';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import type { DataPage } from '../../src/hypercube/DataPage.js';
import { DataModel } from '../../src/model/DataModel.js';
import { PagePrefetch } from '../../src/server/connection/PagePrefetch.js';
import type { RpcRequest } from '../../src/server/protocol/RpcRequest.js';
import { selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';

// PagePrefetch over the pages of real cubes: what a connection makes ahead after a layout, and
// what a page request then takes from it. (Over sockets: deltaPages.test.ts.)

const model = DataModel.fromTables([
  tableOf(
    'Sales',
    ['Customer', 'Amount'],
    Array.from({ length: 40 }, (_, i) => [`c${i % 13}`, i]),
  ),
]);
const DEF = {
  qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
  qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
};
const PAGES = [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }];

const request = (method: string, handle = 1, pages = PAGES): RpcRequest => ({
  id: 1,
  rawId: '1',
  handle,
  method,
  params: { qPath: '/qHyperCubeDef', qPages: pages },
  delta: true,
});
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A connection's part: runs page requests over the current cube, and records the pages it cut. */
function connection() {
  let cube = computeHyperCube(model, selectValues(model), DEF);
  const cut: DataPage[][] = [];
  const run = (req: RpcRequest) => {
    const pages = cube.getHyperCubeData((req.params as { qPages: typeof PAGES }).qPages);
    cut.push(pages as DataPage[]);
    return { qDataPages: pages };
  };
  const prefetch = new PagePrefetch(run);
  return {
    prefetch,
    cut,
    select: (customers: string[]) =>
      (cube = computeHyperCube(model, selectValues(model, { Customer: customers }), DEF)),
    /** A request as the connection handles it: noted, run, then answered. */
    handle(req: RpcRequest) {
      prefetch.received(req);
      const result = req.method === 'GetLayout' ? { qLayout: {} } : run(req);
      prefetch.answering(req, result);
      return result as { qDataPages?: DataPage[] };
    },
  };
}

describe('pages made ahead after a layout', () => {
  test('the pages the handle fetched last are made after its layout, and the next request for them takes their texts', async () => {
    const c = connection();
    c.handle(request('GetHyperCubeData'));
    c.select(['c1', 'c2']);
    c.handle(request('GetLayout'));
    expect(c.cut).toHaveLength(1);
    await turn();
    expect(c.cut).toHaveLength(2);
    const ahead = c.cut[1]![0]!;
    const page = c.handle(request('GetHyperCubeData')).qDataPages![0]!;
    expect(page === ahead).toBe(false);
    expect(page.cellTexts() === ahead.cellTexts()).toBe(true);
    expect(
      JSON.parse(JSON.stringify(page)).qMatrix.map((row: { qText: string }[]) => row[0]!.qText),
    ).toEqual(['c1', 'c2']);
  });

  test('a request for another area, or after the cube changed, or a handle that fetched no page, takes nothing', async () => {
    const c = connection();
    c.handle(request('GetHyperCubeData'));
    c.handle(request('GetLayout'));
    await turn();
    const lower = [{ qTop: 2, qLeft: 0, qWidth: 2, qHeight: 10 }];
    const moved = c.handle(request('GetHyperCubeData', 1, lower)).qDataPages![0]!;
    expect(moved.cellTexts() === c.cut[1]![0]!.cellTexts()).toBe(false);

    c.handle(request('GetHyperCubeData'));
    c.handle(request('GetLayout'));
    await turn();
    const ahead = c.cut.at(-1)![0]!;
    c.select(['c3']);
    const changed = c.handle(request('GetHyperCubeData')).qDataPages![0]!;
    expect(changed.cellTexts() === ahead.cellTexts()).toBe(false);
    expect(JSON.parse(JSON.stringify(changed)).qMatrix[0][0].qText).toBe('c3');

    const before = c.cut.length;
    c.handle(request('GetLayout', 2));
    await turn();
    expect(c.cut).toHaveLength(before);
  });

  test('a page request that arrives before its pages were made, and a closed handle, make none', async () => {
    const c = connection();
    c.handle(request('GetHyperCubeData'));
    c.handle(request('GetLayout'));
    c.handle(request('GetHyperCubeData'));
    await turn();
    expect(c.cut).toHaveLength(2);
    c.handle(request('GetLayout'));
    c.prefetch.forget([1]);
    await turn();
    expect(c.cut).toHaveLength(2);
  });
});
