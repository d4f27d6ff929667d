import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoApps, startEngine, type RunningEngine } from '../../src/index.js';
import { runExample, type ExampleRun } from './runExample.js';
import {
  readAirports,
  readCars,
  readFlights,
  vegaDataDir,
  type Airport,
  type Flight,
} from './vegaData.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

let dataDir: string;
let engine: RunningEngine;
let flights: Flight[];
let airports: Airport[];

// One engine with every demo app, as `npm start` serves it; seeding flights takes a moment, so once per file.
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qlikit-examples-'));
  engine = await startEngine({ port: 0, dataDir });
  await seedDemoApps(engine.apps, vegaDataDir);
  [flights, airports] = await Promise.all([readFlights(), readAirports()]);
});

afterAll(async () => {
  await engine?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs an example and fails with its stderr when it does not exit with 0. */
async function run(file: string, env: Record<string, string> = {}): Promise<string[]> {
  const result: ExampleRun = await runExample(repoRoot, file, engine.url, env);
  expect(result.code, `${file} exited with ${result.code}:\n${result.stderr}`).toBe(0);
  // Column padding is cosmetic: compare lines with their runs of spaces collapsed.
  return result.lines.map((line) => line.trim().replace(/\s+/g, ' '));
}

/** Groups values by a key and folds each group. */
function groupBy<T, K, V>(
  items: readonly T[],
  key: (item: T) => K,
  fold: (group: T[]) => V,
): Map<K, V> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups].map(([k, group]) => [k, fold(group)]));
}

/** Mean of the numbers; null when there are none (as Avg() ignores nulls). */
function mean(values: readonly (number | null)[]): number {
  const present = values.filter((value): value is number => value !== null);
  return present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** The flights app's Date field: 'YYYY/MM/DD hh:mm' → 'YYYY-MM-DD'. */
function dayOf(flight: Flight): string {
  return flight.date.slice(0, 10).replaceAll('/', '-');
}

describe('examples/ against an engine serving the demo apps', () => {
  it('qix-hypercube.ts: the five states with the worst average delay, then the worst one selected', async () => {
    const stateOf = new Map(airports.map((airport) => [airport.iata, airport.state]));
    const byState = groupBy(
      flights.filter((flight) => stateOf.has(flight.origin)),
      (flight) => stateOf.get(flight.origin)!,
      (group) => ({ delay: mean(group.map((flight) => flight.delay)), count: group.length }),
    );
    const ranked = [...byState].sort((a, b) => b[1].delay - a[1].delay);
    const line = ([state, { delay, count }]: (typeof ranked)[number]) =>
      `${state} avg delay ${delay.toFixed(2)} min over ${count} flights`;
    const [worstState, worst] = ranked[0];

    const lines = await run('qix-hypercube.ts');
    expect(lines).toEqual([
      `Average delay by origin state, worst five (${byState.size} rows):`,
      ...ranked.slice(0, 5).map(line),
      `After selecting ${worstState} (1 row):`,
      line(ranked[0]),
      `Flights from ${worstState}: ${worst.count}`,
    ]);
  });

  it('qix-iterate-pages.ts: every day of flights in pages of 30, the totals and the busiest day', async () => {
    const perDay = [...groupBy(flights, dayOf, (group) => group.length)].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    const pages = [];
    for (let top = 0; top < perDay.length; top += 30) {
      const rows = perDay.slice(top, top + 30);
      pages.push(
        `page at row ${top}: ${rows.length} days, ${rows[0][0]} .. ${rows[rows.length - 1][0]}`,
      );
    }
    // The first day (in date order) with the most flights, as the example keeps it.
    const busiest = perDay.reduce((best, day) => (day[1] > best[1] ? day : best));

    const lines = await run('qix-iterate-pages.ts');
    expect(pages.length).toBeGreaterThan(1);
    expect(lines).toEqual([
      ...pages,
      `${perDay.length} days, ${flights.length} flights`,
      `busiest day: ${busiest[0]} with ${busiest[1]} flights`,
    ]);
  });

  it('enigma-compat.ts: enigma.create() with the enigma.js schema, average MPG by region before and after a selection', async () => {
    const cars = await readCars();
    const table = (subset: typeof cars) =>
      [
        ...groupBy(
          subset,
          (car) => car.Origin,
          (group) => ({ mpg: mean(group.map((car) => car.Miles_per_Gallon)), count: group.length }),
        ),
      ]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([origin, { mpg, count }]) => `${origin} ${mpg.toFixed(1)} mpg ${count} cars`);

    const lines = await run('enigma-compat.ts');
    expect(lines).toEqual([
      'All cars:',
      ...table(cars),
      '(the table changed)',
      'Four-cylinder cars:',
      ...table(cars.filter((car) => car.Cylinders === 4)),
    ]);
  });

  it('list-fields.ts: the fields of the flights app with their cardinality, then two selections', async () => {
    const distinct = (values: Iterable<unknown>) => new Set(values).size;
    const states = distinct(airports.map((airport) => airport.state));
    const hourOf = (flight: Flight) => Number(flight.date.slice(11, 13));
    const selectedFlights = flights.filter((flight) => {
      const airport = airports.find((candidate) => candidate.iata === flight.origin);
      return (airport?.state === 'CA' || airport?.state === 'NV') && hourOf(flight) === 6;
    }).length;

    const lines = await run('list-fields.ts');
    const fieldLine = (name: string) => lines.find((line) => line.startsWith(`${name} `));
    expect(lines[0]).toBe('Fields of flights:');
    expect(fieldLine('Date')).toMatch(`Date ${distinct(flights.map(dayOf))} values in Flights`);
    expect(fieldLine('Hour')).toMatch(`Hour ${distinct(flights.map(hourOf))} values in Flights`);
    expect(fieldLine('Delay')).toMatch(
      `Delay ${distinct(flights.map((flight) => flight.delay))} values in Flights`,
    );
    expect(fieldLine('Destination')).toMatch(
      `Destination ${distinct(flights.map((flight) => flight.destination))} values in Flights`,
    );
    // A field in two tables holds the values of both, and the engine tags it as the key between them.
    // Text that reads as a number is that number in Qlik: airport codes '0E0' and '0E8' are both 0, one value.
    const asFieldValue = (text: string) =>
      /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : text;
    const origins = distinct(
      [...flights.map((flight) => flight.origin), ...airports.map((airport) => airport.iata)].map(
        asFieldValue,
      ),
    );
    expect(fieldLine('Origin')).toMatch(
      new RegExp(`^Origin ${origins} values in Flights, OriginAirports .*\\$key`),
    );
    expect(fieldLine('Origin Airport')).toMatch(
      `Origin Airport ${distinct(airports.map((airport) => airport.name))} values in OriginAirports`,
    );
    expect(fieldLine('Origin State')).toMatch(`Origin State ${states} values in OriginAirports`);
    expect(lines.filter((line) => / values in /.test(line))).toHaveLength(9);

    expect(lines.slice(10)).toEqual([
      'No selections.',
      expect.stringMatching(
        new RegExp(`^Selected in Origin State: (CA, NV|NV, CA) \\(2 of ${states}\\)$`),
      ),
      'Selected in Hour: 6 (1 of 24)',
      `Flights leaving CA or NV in the 6 o'clock hour: ${selectedFlights}`,
    ]);
  });

  it('list-fields.ts with QLIKIT_APP=people-groups: the key field between the two tables', async () => {
    const lines = await run('list-fields.ts', { QLIKIT_APP: 'people-groups' });
    expect(lines[0]).toBe('Fields of people-groups:');
    expect(lines.find((line) => line.startsWith('Person '))).toMatch(
      /^Person 9 values in People, Groups .*\$key/,
    );
    expect(lines.find((line) => line.startsWith('Group '))).toMatch(/^Group 3 values in Groups/);
    expect(lines.at(-1)).toBe('No selections.');
  });
});
