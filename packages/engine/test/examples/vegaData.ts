import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The vega-datasets data folder the demo apps are built from (the package exports only its JS entry). */
export const vegaDataDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');

/** A row of flights-20k.json. */
export interface Flight {
  readonly date: string;
  readonly delay: number;
  readonly distance: number;
  readonly origin: string;
  readonly destination: string;
}

/** A row of airports.csv (the columns the flights app loads). */
export interface Airport {
  readonly iata: string;
  readonly name: string;
  readonly city: string;
  readonly state: string;
}

/** A row of cars.json (the columns the cars app loads). */
export interface Car {
  readonly Name: string;
  readonly Miles_per_Gallon: number | null;
  readonly Cylinders: number;
  readonly Origin: string;
}

/** Reads flights-20k.json as it ships. */
export async function readFlights(): Promise<Flight[]> {
  return JSON.parse(await readFile(join(vegaDataDir, 'flights-20k.json'), 'utf8')) as Flight[];
}

/** Reads cars.json as it ships. */
export async function readCars(): Promise<Car[]> {
  return JSON.parse(await readFile(join(vegaDataDir, 'cars.json'), 'utf8')) as Car[];
}

/** Reads airports.csv; names may be quoted, with commas and doubled quotes inside. */
export async function readAirports(): Promise<Airport[]> {
  const lines = (await readFile(join(vegaDataDir, 'airports.csv'), 'utf8'))
    .split(/\r?\n/)
    .filter(Boolean);
  const header = parseCsvLine(lines[0]);
  const column = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = parseCsvLine(line);
    return {
      iata: cells[column('iata')],
      name: cells[column('name')],
      city: cells[column('city')],
      state: cells[column('state')],
    };
  });
}

/** Splits one CSV line (RFC 4180 quoting) into its cells. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
