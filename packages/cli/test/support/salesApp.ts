import type { Doc } from '@qlikit/qix';

/** The load script of the test app: two tables that associate on Region. */
export const SALES_SCRIPT = `Sales:
LOAD * INLINE [
Region, Product, Amount
North, A, 10
North, B, 20
South, A, 5
South, C, 7
East, B, 1
];
Regions:
LOAD * INLINE [
Region, Manager
North, Ann
South, Bob
East, Cy
];
`;

/** Fills an app with data, app properties, a master dimension and measure, a variable, and a sheet holding a table. */
export async function buildSalesApp(doc: Doc): Promise<void> {
  await doc.setScript(SALES_SCRIPT);
  await doc.setAppProperties({
    ...(await doc.getAppProperties()),
    description: 'Sales by region',
    theme: 'sense',
    sheetTitleBgColor: '#f2f2f2',
  });
  await doc.doReload();
  await doc.createDimension({
    qInfo: { qId: 'dim-region', qType: 'dimension' },
    qDim: { qGrouping: 'N', qFieldDefs: ['Region'], qFieldLabels: ['Region'] },
    qMetaDef: { title: 'Region' },
  });
  await doc.createMeasure({
    qInfo: { qId: 'm-total', qType: 'measure' },
    qMeasure: { qLabel: 'Total', qDef: 'Sum(Amount)' },
    qMetaDef: { title: 'Total amount' },
  });
  await doc.createVariableEx({
    qInfo: { qId: 'v-min', qType: 'variable' },
    qName: 'vMin',
    qDefinition: '5',
  });
  const sheet = await doc.createObject({
    qInfo: { qId: 'sheet-1', qType: 'sheet' },
    qMetaDef: { title: 'Overview' },
    qChildListDef: { qData: { title: '/title' } },
    cells: [{ name: 'table-1', type: 'table', col: 0, row: 0 }],
  });
  await sheet.createChild({
    qInfo: { qId: 'table-1', qType: 'table' },
    visualization: 'table',
    title: 'Amount by region',
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Region'], qSortCriterias: [{ qSortByAscii: 1 }] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)', qLabel: 'Amount' } }],
    },
  });
  await doc.doSave();
}
