import { defineCommand } from '../../command/CommandSpec.js';
import { collect, positiveInteger } from '../../command/optionParsers.js';
import { usageError } from '../../errors/CliError.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from './appOptions.js';
import { applySelections } from './cube/applySelections.js';
import { createCube } from './cube/createCube.js';
import { parseSelections } from './cube/parseEvalWords.js';
import { printCube } from './cube/printCube.js';

interface DataOptions extends AppOptions {
  readonly dim?: string[];
  readonly measure?: string[];
  readonly select?: string[];
  readonly rows?: number;
  readonly csv?: boolean;
}

export const appData = defineCommand<DataOptions>({
  name: 'data [objectId]',
  summary: "A chart's data by object id, or an ad hoc table of --dim and --measure",
  description:
    'Prints every row as an aligned table (--rows limits them), as CSV (--csv) or as JSON (--json: { columns, totalRows, rows }); CSV and JSON are streamed page by page.',
  examples: [
    'qlikit app data --app flights --dim "Origin State" --measure "Count(Delay)"',
    'qlikit app data --app flights --dim Carrier --measure "Avg(Delay)" --select "Origin State=CA" --csv > ca.csv',
    'qlikit app data <object-id> --app flights --json',
  ],
  options: [
    ...APP_OPTIONS,
    {
      flags: '--dim <dimension>',
      description: 'A dimension: field name or =expression (repeatable)',
      parse: collect,
    },
    {
      flags: '--measure <expression>',
      description: 'A measure expression (repeatable)',
      parse: collect,
    },
    {
      flags: '--select <field=value>',
      description: 'Select a value first (repeatable)',
      parse: collect,
    },
    { flags: '--rows <n>', description: 'At most this many rows', parse: positiveInteger },
    { flags: '--csv', description: 'Print CSV instead of a table' },
  ],
  async run(context) {
    const { options, args, out } = context;
    const [objectId] = args;
    const adHoc = Boolean(options.dim?.length || options.measure?.length);
    if (objectId && adHoc) throw usageError('Give an object id or --dim/--measure, not both.');
    if (!objectId && !adHoc) {
      throw usageError(
        'Which data? Give an object id, or --dim and --measure.',
        '`qlikit app object ls --app <app>` lists the objects.',
      );
    }
    const { doc } = await openAppOf(context);
    await applySelections(doc, parseSelections(options.select ?? []));
    const object = objectId
      ? await doc.getObject(objectId)
      : await createCube(doc, {
          dimensions: options.dim ?? [],
          measures: options.measure ?? [],
          selections: new Map(),
        });
    await printCube(out, object, { rows: options.rows, csv: options.csv, signal: context.signal });
  },
});
