/** A master dimension of a demo app. */
export interface DemoDimension {
  readonly id: string;
  readonly label: string;
  readonly field: string;
}

/** A master measure of a demo app. */
export interface DemoMeasure {
  readonly id: string;
  readonly label: string;
  readonly expression: string;
  /** Decimals shown. */
  readonly decimals: number;
}

/** The sheet of a demo app: its master items and which of them each chart shows. */
export interface DemoDashboard {
  readonly appId: string;
  readonly sheetTitle: string;
  readonly dimensions: readonly DemoDimension[];
  readonly measures: readonly DemoMeasure[];
  readonly bar: { readonly dimension: string; readonly measure: string };
  readonly line: { readonly dimension: string; readonly measure: string };
  readonly pie: { readonly dimension: string; readonly measure: string };
  readonly kpi: { readonly measure: string };
  readonly table: { readonly dimensions: readonly string[]; readonly measures: readonly string[] };
  readonly filters: readonly string[];
}

/** One dashboard per demo app of `@qlikit/engine`'s DEMO_APPS, over the fields their scripts load. */
export const DEMO_DASHBOARDS: readonly DemoDashboard[] = [
  {
    appId: 'flights',
    sheetTitle: 'Delays',
    dimensions: [
      { id: 'dim-origin-state', label: 'Origin state', field: 'Origin State' },
      { id: 'dim-hour', label: 'Hour of departure', field: 'Hour' },
      { id: 'dim-origin', label: 'Origin airport', field: 'Origin' },
    ],
    measures: [
      // Not Count(Origin): Origin is the key to the airports table, and a key field counts in no well-defined table.
      { id: 'msr-flights', label: 'Flights', expression: 'Count(Date)', decimals: 0 },
      { id: 'msr-avg-delay', label: 'Average delay (min)', expression: 'Avg(Delay)', decimals: 1 },
      {
        id: 'msr-distance',
        label: 'Total distance (mi)',
        expression: 'Sum(Distance)',
        decimals: 0,
      },
    ],
    bar: { dimension: 'dim-origin-state', measure: 'msr-flights' },
    line: { dimension: 'dim-hour', measure: 'msr-avg-delay' },
    pie: { dimension: 'dim-hour', measure: 'msr-flights' },
    kpi: { measure: 'msr-avg-delay' },
    table: {
      dimensions: ['dim-origin', 'dim-origin-state'],
      measures: ['msr-flights', 'msr-avg-delay'],
    },
    filters: ['dim-origin-state', 'dim-hour'],
  },
  {
    appId: 'seattle-weather',
    sheetTitle: 'Weather',
    dimensions: [
      { id: 'dim-weather', label: 'Weather', field: 'Weather' },
      { id: 'dim-year', label: 'Year', field: 'Year' },
      { id: 'dim-month', label: 'Month', field: 'Month' },
    ],
    measures: [
      { id: 'msr-days', label: 'Days', expression: 'Count(Date)', decimals: 0 },
      {
        id: 'msr-max-temp',
        label: 'Average max temperature (°C)',
        expression: 'Avg([Max temperature])',
        decimals: 1,
      },
      {
        id: 'msr-precipitation',
        label: 'Precipitation (mm)',
        expression: 'Sum(Precipitation)',
        decimals: 0,
      },
    ],
    bar: { dimension: 'dim-year', measure: 'msr-precipitation' },
    line: { dimension: 'dim-month', measure: 'msr-max-temp' },
    pie: { dimension: 'dim-weather', measure: 'msr-days' },
    kpi: { measure: 'msr-precipitation' },
    table: { dimensions: ['dim-year', 'dim-weather'], measures: ['msr-days', 'msr-max-temp'] },
    filters: ['dim-year', 'dim-weather'],
  },
  {
    appId: 'people-groups',
    sheetTitle: 'People',
    dimensions: [
      { id: 'dim-group', label: 'Group', field: 'Group' },
      { id: 'dim-person', label: 'Person', field: 'Person' },
      { id: 'dim-age', label: 'Age', field: 'Age' },
    ],
    measures: [
      { id: 'msr-people', label: 'People', expression: 'Count(DISTINCT Person)', decimals: 0 },
      { id: 'msr-avg-age', label: 'Average age', expression: 'Avg(Age)', decimals: 1 },
      { id: 'msr-avg-height', label: 'Average height', expression: 'Avg(Height)', decimals: 2 },
    ],
    bar: { dimension: 'dim-group', measure: 'msr-people' },
    line: { dimension: 'dim-age', measure: 'msr-avg-height' },
    pie: { dimension: 'dim-group', measure: 'msr-people' },
    kpi: { measure: 'msr-avg-age' },
    table: { dimensions: ['dim-person', 'dim-group'], measures: ['msr-avg-age', 'msr-avg-height'] },
    filters: ['dim-group', 'dim-person'],
  },
  {
    appId: 'cars',
    sheetTitle: 'Cars',
    dimensions: [
      { id: 'dim-origin', label: 'Origin', field: 'Origin' },
      { id: 'dim-year', label: 'Model year', field: 'Year' },
      { id: 'dim-cylinders', label: 'Cylinders', field: 'Cylinders' },
    ],
    measures: [
      { id: 'msr-cars', label: 'Cars', expression: 'Count(Name)', decimals: 0 },
      { id: 'msr-mpg', label: 'Average MPG', expression: 'Avg(MPG)', decimals: 1 },
      { id: 'msr-hp', label: 'Average horsepower', expression: 'Avg(Horsepower)', decimals: 0 },
    ],
    bar: { dimension: 'dim-origin', measure: 'msr-cars' },
    line: { dimension: 'dim-year', measure: 'msr-mpg' },
    pie: { dimension: 'dim-cylinders', measure: 'msr-cars' },
    kpi: { measure: 'msr-mpg' },
    table: { dimensions: ['dim-origin', 'dim-year'], measures: ['msr-cars', 'msr-mpg', 'msr-hp'] },
    filters: ['dim-origin', 'dim-cylinders', 'dim-year'],
  },
];
