import { openSession } from '@qlikit/qix';
import { SALES_SCRIPT } from './engineFixture.js';

/** The rows the bystander's chart shows while nobody touches its session: Customer, Sum(Amount). */
export const BYSTANDER_ROWS = [
  ['Alice', '30'],
  ['Bob', '8'],
  ['Carol', '7'],
];

/** Another user's session watching a chart, to check that an attacker's requests leave it alone. */
export interface Bystander {
  /** The chart's rows as texts, read now. */
  rows(): Promise<string[][]>;
  close(): Promise<void>;
}

/** Opens a session as user `bystander` on `engineUrl`, with a session app and a chart of Sum(Amount) by Customer. */
export async function openBystander(engineUrl: string): Promise<Bystander> {
  const session = openSession({
    url: `${engineUrl}/app/engineData/identity/bystander`,
    reconnect: false,
  });
  const doc = await (await session.open()).createSessionApp();
  await doc.setScript(SALES_SCRIPT);
  await doc.doReload();
  const chart = await doc.createSessionObject({
    qInfo: { qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
    },
  });
  return {
    async rows() {
      const layout = (await chart.getLayout()) as {
        qHyperCube: { qDataPages: { qMatrix: { qText: string }[][] }[] };
      };
      return layout.qHyperCube.qDataPages[0]!.qMatrix.map((row) => row.map((c) => c.qText));
    },
    // The socket's close event is of no use to the tests: they only wait for it.
    close: async () => {
      await session.close();
    },
  };
}
