import type { DemoDashboard, DemoDimension, DemoMeasure } from './demoDashboards.js';

/** One stored object to create: its engine class, properties and parent. */
export interface DemoObject {
  readonly type: 'GenericObject' | 'GenericDimension' | 'GenericMeasure';
  readonly properties: Record<string, unknown>;
  readonly parentId?: string;
}

type Props = Record<string, unknown>;

/** A master dimension as Qlik Sense stores it. */
function masterDimension(dimension: DemoDimension): Props {
  return {
    qInfo: { qId: dimension.id, qType: 'dimension' },
    qDim: {
      qGrouping: 'N',
      qFieldDefs: [dimension.field],
      qFieldLabels: [dimension.label],
      title: dimension.label,
    },
    qMetaDef: { title: dimension.label, description: '', tags: [] },
  };
}

/** A master measure as Qlik Sense stores it. */
function masterMeasure(measure: DemoMeasure): Props {
  return {
    qInfo: { qId: measure.id, qType: 'measure' },
    qMeasure: {
      qLabel: measure.label,
      qDef: measure.expression,
      qGrouping: 'N',
      qExpressions: [],
      qActiveExpression: 0,
      qNumFormat: numFormat(measure.decimals),
    },
    qMetaDef: { title: measure.label, description: '', tags: [] },
  };
}

function numFormat(decimals: number): Props {
  return {
    qType: 'F',
    qnDec: decimals,
    qUseThou: 1,
    qFmt: decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0',
    qDec: '.',
    qThou: ',',
  };
}

/**
 * A chart's dimension: the master item by `qLibraryId`, with its field also
 * written inline (Qlik Sense resolves the library id; the inline definition
 * keeps the chart readable by an engine that does not).
 */
function chartDimension(dimension: DemoDimension): Props {
  return {
    qLibraryId: dimension.id,
    qDef: {
      qGrouping: 'N',
      qFieldDefs: [dimension.field],
      qFieldLabels: [dimension.label],
      qSortCriterias: [
        { qSortByNumeric: 1, qSortByAscii: 1, qSortByLoadOrder: 1, qExpression: {} },
      ],
      autoSort: true,
      cId: `${dimension.id}-c`,
    },
    qNullSuppression: true,
    qOtherTotalSpec: {
      qOtherMode: 'OTHER_OFF',
      qSuppressOther: true,
      qOtherSortMode: 'OTHER_SORT_DESCENDING',
    },
  };
}

function chartMeasure(measure: DemoMeasure): Props {
  return {
    qLibraryId: measure.id,
    qDef: {
      qLabel: measure.label,
      qDef: measure.expression,
      autoSort: true,
      numFormatFromTemplate: true,
      qNumFormat: numFormat(measure.decimals),
      cId: `${measure.id}-c`,
    },
    qSortBy: { qSortByNumeric: -1 },
  };
}

function hyperCube(
  dimensions: DemoDimension[],
  measures: DemoMeasure[],
  sortByMeasureFirst: boolean,
): Props {
  const columns = dimensions.length + measures.length;
  const order = [...Array(columns).keys()];
  return {
    qDimensions: dimensions.map(chartDimension),
    qMeasures: measures.map(chartMeasure),
    qInterColumnSortOrder: sortByMeasureFirst
      ? [dimensions.length, ...order.filter((i) => i !== dimensions.length)]
      : order,
    qSuppressZero: false,
    qSuppressMissing: true,
    qMode: 'S',
    qAlwaysFullyExpanded: true,
    qInitialDataFetch: [
      { qLeft: 0, qTop: 0, qWidth: columns, qHeight: Math.floor(10000 / columns) },
    ],
  };
}

function chartBase(id: string, type: string, title: string): Props {
  return {
    qInfo: { qId: id, qType: type },
    visualization: type,
    version: '1.0.0',
    showTitles: true,
    title,
    subtitle: '',
    footnote: '',
  };
}

/** Every object of a demo app's dashboard: master items, one sheet, its charts and the filter pane's list boxes. */
export function demoObjects(dashboard: DemoDashboard): DemoObject[] {
  const dims = new Map(dashboard.dimensions.map((d) => [d.id, d]));
  const msrs = new Map(dashboard.measures.map((m) => [m.id, m]));
  const dim = (id: string) => dims.get(id)!;
  const msr = (id: string) => msrs.get(id)!;
  const sheetId = `${dashboard.appId}-sheet`;
  const chartId = (kind: string) => `${dashboard.appId}-${kind}`;

  const charts: Array<{
    kind: string;
    props: Props;
    cell: [col: number, row: number, colspan: number, rowspan: number];
  }> = [
    {
      kind: 'kpi',
      cell: [0, 0, 6, 4],
      props: {
        ...chartBase(chartId('kpi'), 'kpi', msr(dashboard.kpi.measure).label),
        qHyperCubeDef: {
          ...hyperCube([], [msr(dashboard.kpi.measure)], false),
          qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 1 }],
        },
        showMeasureTitle: true,
        textAlign: 'center',
        fontSize: 'M',
      },
    },
    {
      kind: 'barchart',
      cell: [6, 0, 12, 6],
      props: {
        ...chartBase(
          chartId('barchart'),
          'barchart',
          `${msr(dashboard.bar.measure).label} by ${dim(dashboard.bar.dimension).label}`,
        ),
        qHyperCubeDef: hyperCube(
          [dim(dashboard.bar.dimension)],
          [msr(dashboard.bar.measure)],
          true,
        ),
        orientation: 'vertical',
        barGrouping: { grouping: 'grouped' },
        dataPoint: { showLabels: false },
        dimensionAxis: { show: 'all', dock: 'near', label: 'auto' },
        measureAxis: { show: 'all', dock: 'near', spacing: 1, autoMinMax: true },
        legend: { show: true, dock: 'auto', showTitle: true },
        color: { auto: true, mode: 'primary' },
        gridLine: { auto: true },
      },
    },
    {
      kind: 'filterpane',
      cell: [18, 0, 6, 12],
      props: {
        ...chartBase(chartId('filterpane'), 'filterpane', 'Filters'),
        qChildListDef: { qData: { info: '/qInfo' } },
      },
    },
    {
      kind: 'linechart',
      cell: [0, 4, 6, 8],
      props: {
        ...chartBase(
          chartId('linechart'),
          'linechart',
          `${msr(dashboard.line.measure).label} by ${dim(dashboard.line.dimension).label}`,
        ),
        qHyperCubeDef: hyperCube(
          [dim(dashboard.line.dimension)],
          [msr(dashboard.line.measure)],
          false,
        ),
        lineType: 'line',
        dataPoint: { show: false, showLabels: false },
        dimensionAxis: { show: 'all', dock: 'near', label: 'auto' },
        measureAxis: { show: 'all', dock: 'near', spacing: 1, autoMinMax: true },
        legend: { show: true, dock: 'auto', showTitle: true },
        color: { auto: true, mode: 'primary' },
        gridLine: { auto: true },
      },
    },
    {
      kind: 'piechart',
      cell: [6, 6, 6, 6],
      props: {
        ...chartBase(
          chartId('piechart'),
          'piechart',
          `${msr(dashboard.pie.measure).label} by ${dim(dashboard.pie.dimension).label}`,
        ),
        qHyperCubeDef: hyperCube(
          [dim(dashboard.pie.dimension)],
          [msr(dashboard.pie.measure)],
          true,
        ),
        donut: { showAsDonut: false },
        dimensionTitle: true,
        dataPoint: { labelMode: 'share' },
        legend: { show: true, dock: 'auto', showTitle: true },
        color: { auto: true, mode: 'primary' },
      },
    },
    {
      kind: 'table',
      cell: [12, 6, 6, 6],
      props: {
        ...chartBase(chartId('table'), 'table', 'Details'),
        qHyperCubeDef: {
          ...hyperCube(
            dashboard.table.dimensions.map(dim),
            dashboard.table.measures.map(msr),
            false,
          ),
          // Rows whose measures are all zero (an airport no flight left from) are left out.
          qSuppressZero: true,
          qColumnOrder: [],
          columnWidths: [],
        },
        totals: { show: true, position: 'noTotals', label: 'Totals' },
        multiline: { wrapTextInHeaders: true, wrapTextInCells: true },
        scrolling: { horizontal: true },
      },
    },
  ];

  const sheet: Props = {
    qInfo: { qId: sheetId, qType: 'sheet' },
    qMetaDef: { title: dashboard.sheetTitle, description: '' },
    rank: 0,
    thumbnail: { qStaticContentUrlDef: {} },
    columns: 24,
    rows: 12,
    cells: charts.map(({ kind, cell: [col, row, colspan, rowspan] }) => ({
      name: chartId(kind),
      type: kind,
      col,
      row,
      colspan,
      rowspan,
      bounds: {
        x: (col / 24) * 100,
        y: (row / 12) * 100,
        width: (colspan / 24) * 100,
        height: (rowspan / 12) * 100,
      },
    })),
    qChildListDef: { qData: { title: '/title' } },
  };

  const listBoxes: DemoObject[] = dashboard.filters.map((id) => ({
    type: 'GenericObject',
    parentId: chartId('filterpane'),
    properties: {
      qInfo: { qId: `${chartId('filterpane')}-${id}`, qType: 'listbox' },
      visualization: 'listbox',
      title: dim(id).label,
      showTitles: true,
      // nebula.js's list box lays its rows out from these; without them it draws none.
      layoutOptions: { dense: false, dataLayout: 'singleColumn', layoutOrder: 'row' },
      qListObjectDef: {
        qStateName: '$',
        qLibraryId: id,
        qDef: {
          qFieldDefs: [dim(id).field],
          qFieldLabels: [dim(id).label],
          qSortCriterias: [
            { qSortByState: 1, qSortByAscii: 1, qSortByNumeric: 1, qSortByLoadOrder: 1 },
          ],
        },
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 10000 }],
        qShowAlternatives: true,
      },
    },
  }));

  return [
    ...dashboard.dimensions.map((d): DemoObject => ({
      type: 'GenericDimension',
      properties: masterDimension(d),
    })),
    ...dashboard.measures.map((m): DemoObject => ({
      type: 'GenericMeasure',
      properties: masterMeasure(m),
    })),
    { type: 'GenericObject', properties: sheet },
    ...charts.map(({ props }): DemoObject => ({
      type: 'GenericObject',
      properties: props,
      parentId: sheetId,
    })),
    ...listBoxes,
  ];
}
