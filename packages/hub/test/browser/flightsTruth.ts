import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Numbers about the flights demo app computed straight from its data files
 * (vega-datasets' flights-20k.json and airports.csv) with plain JavaScript,
 * never through the engine: what the charts must show.
 */
export interface FlightsTruth {
  readonly flights: number;
  /** Flights per origin state (by the airports table; 0 for a state whose airports saw none), and per departure hour. */
  readonly byState: ReadonlyMap<string, number>;
  readonly byHour: ReadonlyMap<number, number>;
  /** Average delay over all flights, and per origin state. */
  readonly averageDelay: number;
  readonly delayByState: ReadonlyMap<string, number>;
  /** Average delay per departure hour. */
  readonly delayByHour: ReadonlyMap<number, number>;
  /** Count of flights per state among flights that left at one hour. */
  byStateAtHour(hour: number): Map<string, number>;
  /** Count of flights on the days whose serial numbers (days since 1899-12-30) lie in [min, max]. */
  flightsOnDays(min: number, max: number): number;
  /** Count of flights per hour among flights from the given states. */
  byHourInState(...states: string[]): Map<number, number>;
}

const require = createRequire(import.meta.url);
const DATA_DIR = join(dirname(require.resolve('vega-datasets')), '..', 'data');

// 1970-01-01 as a day serial number (days since 1899-12-30), Qlik's dates' origin.
const DAY_ZERO = 25_569;

interface Flight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
}

/** Reads the data files and counts. */
export function flightsTruth(): FlightsTruth {
  const flights = JSON.parse(readFileSync(join(DATA_DIR, 'flights-20k.json'), 'utf8')) as Flight[];
  const [header, ...rows] = parseCsv(readFileSync(join(DATA_DIR, 'airports.csv'), 'utf8'));
  const iata = header!.indexOf('iata');
  const stateColumn = header!.indexOf('state');
  const stateOf = new Map(rows.map((row) => [row[iata]!, row[stateColumn]!]));
  const hourOf = (flight: Flight) => Number(flight.date.slice(11, 13));
  const count = <K>(items: readonly Flight[], key: (flight: Flight) => K | undefined) => {
    const counts = new Map<K, number>();
    for (const item of items) {
      const k = key(item);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const average = (list: readonly number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const hourDelays = new Map<number, number[]>();
  for (const flight of flights)
    hourDelays.set(hourOf(flight), [...(hourDelays.get(hourOf(flight)) ?? []), flight.delay]);
  const delays = new Map<string, number[]>();
  for (const flight of flights) {
    const state = stateOf.get(flight.origin);
    if (state === undefined) continue;
    delays.set(state, [...(delays.get(state) ?? []), flight.delay]);
  }
  const byState = new Map([...new Set(stateOf.values())].map((state) => [state, 0]));
  for (const [state, n] of count(flights, (flight) => stateOf.get(flight.origin)))
    byState.set(state, n);
  return {
    flights: flights.length,
    byState,
    byHour: count(flights, hourOf),
    averageDelay: flights.reduce((sum, flight) => sum + flight.delay, 0) / flights.length,
    delayByState: new Map([...delays].map(([state, list]) => [state, average(list)])),
    delayByHour: new Map([...hourDelays].map(([hour, list]) => [hour, average(list)])),
    byStateAtHour: (hour) =>
      count(
        flights.filter((flight) => hourOf(flight) === hour),
        (flight) => stateOf.get(flight.origin),
      ),
    flightsOnDays: (min, max) =>
      flights.filter((flight) => {
        const [year, month, day] = flight.date.slice(0, 10).split('/').map(Number);
        const serial = Date.UTC(year!, month! - 1, day!) / 86_400_000 + DAY_ZERO;
        return serial >= min && serial <= max;
      }).length,
    byHourInState: (...states) =>
      count(
        flights.filter((flight) => states.includes(stateOf.get(flight.origin)!)),
        hourOf,
      ),
  };
}

/** RFC 4180 CSV: quoted fields may hold commas and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((each) => each.length > 1 || each[0] !== '');
}
