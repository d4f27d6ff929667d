import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, NxPage } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';

// The pages nebula.js charts ask for: `{qWidth, qHeight}` with no qTop/qLeft
// (sn-bar-chart's qInitialDataFetch). The spec requires none of NxPage's four
// fields; a missing one is 0. (@qlikit/qix's NxPage type requires all four, as it does for every
// all-number struct, so these pages are converted to it.)
const nebulaPage = (page: Partial<NxPage>) => page as NxPage;

describe('pages with missing NxPage fields', () => {
  let fixture: EngineFixture;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    doc = await fixture
      .session()
      .open()
      .then((global) => global.createSessionApp());
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
  });
  afterAll(() => fixture.close());

  const byCustomer = (page: NxPage) => ({
    qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
    qInitialDataFetch: [page],
  });
  const texts = (matrix: { qText?: string }[][]) => matrix.map((row) => row.map((c) => c.qText));

  it('reads a missing qTop and qLeft as 0 in qInitialDataFetch and in GetHyperCubeData', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'barchart' },
      qHyperCubeDef: byCustomer(nebulaPage({ qWidth: 17, qHeight: 500 })),
    });
    const layout = await chart.getLayout();
    const page = layout.qHyperCube!.qDataPages[0]!;
    expect(page.qArea).toEqual({ qLeft: 0, qTop: 0, qWidth: 2, qHeight: 3 });
    expect(texts(page.qMatrix)).toEqual([
      ['Alice', '30'],
      ['Bob', '8'],
      ['Carol', '7'],
    ]);
    const [one] = await chart.getHyperCubeData('/qHyperCubeDef', [
      nebulaPage({ qLeft: 1, qWidth: 1, qHeight: 2 }),
    ]);
    expect(texts(one!.qMatrix)).toEqual([['30'], ['8']]);
  });

  it('reads missing fields as 0 in list objects too', async () => {
    const list = await doc.createSessionObject({
      qInfo: { qType: 'listbox' },
      qListObjectDef: {
        qDef: { qFieldDefs: ['Product'] },
        qInitialDataFetch: [nebulaPage({ qHeight: 2, qWidth: 1 })],
      },
    });
    const layout = await list.getLayout();
    expect(texts(layout.qListObject!.qDataPages[0]!.qMatrix)).toEqual([['Apple'], ['Banana']]);
  });

  it('rejects a page field that is present but no integer >= 0', async () => {
    const chart = await doc.createSessionObject({
      qInfo: { qType: 'barchart' },
      qHyperCubeDef: byCustomer(nebulaPage({ qWidth: 2, qHeight: 5 })),
    });
    await expect(
      chart.getHyperCubeData('/qHyperCubeDef', [{ qTop: -1, qWidth: 2, qHeight: 1 }] as never),
    ).rejects.toMatchObject({ code: 8, message: expect.stringMatching(/qTop/) });
    await expect(
      chart.getHyperCubeData('/qHyperCubeDef', [{ qTop: '1', qWidth: 2, qHeight: 1 }] as never),
    ).rejects.toMatchObject({ code: 8 });
  });
});
