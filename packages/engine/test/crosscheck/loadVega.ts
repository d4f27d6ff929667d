import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';

/** The vega-datasets data folder in the repo root's node_modules. */
export const vegaData = path.resolve(
  import.meta.dirname,
  '../../../../node_modules/vega-datasets/data',
);

/**
 * Loads flights-20k (with an hour of day and a delay status derived in the
 * script), the airports associated by origin (all but California's, so that
 * flights from there match no airport), and the lookup people/groups pair
 * through the load script, into a data model.
 */
export async function loadVegaModel(): Promise<{
  model: DataModel;
  files: Record<string, string>;
  dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qlikit-crosscheck-'));
  const names = ['flights-20k.json', 'airports.csv', 'lookup_people.csv', 'lookup_groups.csv'];
  for (const name of names) await copyFile(path.join(vegaData, name), path.join(dir, name));
  const script = `
    Flights: LOAD origin, destination, delay, distance, date,
      Mid(date, 12, 2) * 1 as hour,
      If(delay > 15, 'late', If(delay < 0, 'early', 'on time')) as status
      FROM [lib://DataFiles/flights-20k.json] (json);
    Airports: LOAD iata as origin, state as origin_state FROM [lib://DataFiles/airports.csv]
      (txt, utf8, embedded labels, delimiter is ',', msq) WHERE state <> 'CA';
    People: LOAD name as person, age, height FROM [lib://DataFiles/lookup_people.csv]
      (txt, utf8, embedded labels, delimiter is ',', msq);
    Groups: LOAD group, person FROM [lib://DataFiles/lookup_groups.csv]
      (txt, utf8, embedded labels, delimiter is ',', msq);
  `;
  const { tables } = await runScript(script, { dataDir: dir });
  const files = Object.fromEntries(names.map((name) => [name, path.join(dir, name)]));
  return {
    model: DataModel.fromTables(tables),
    files,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
