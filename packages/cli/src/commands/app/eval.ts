import { defineCommand } from '../../command/CommandSpec.js';
import { positiveInteger } from '../../command/optionParsers.js';
import { APP_OPTIONS, openAppOf, type AppOptions } from './appOptions.js';
import { applySelections } from './cube/applySelections.js';
import { createCube } from './cube/createCube.js';
import { parseEvalWords } from './cube/parseEvalWords.js';
import { printCube } from './cube/printCube.js';

export const appEval = defineCommand<AppOptions & { rows: number; csv?: boolean }>({
  name: 'eval <words...>',
  summary: 'Evaluate measures, optionally by dimensions and where fields have values',
  description:
    'Grammar: [<measure>...] [by <dimension>...] [where <field> is <value>...]. One measure alone prints its value.',
  examples: [
    'qlikit app eval "Count(Delay)" --app flights',
    'qlikit app eval "Avg(Delay)" by "Origin State" --app flights --rows 5',
    'qlikit app eval "Count(Delay)" by Carrier where "Origin State" is CA --app flights --json',
  ],
  options: [
    ...APP_OPTIONS,
    {
      flags: '--rows <n>',
      description: 'Number of rows to return',
      defaultValue: '20',
      parse: positiveInteger,
    },
    { flags: '--csv', description: 'Print CSV instead of a table' },
  ],
  async run(context) {
    const query = parseEvalWords(context.args);
    const { doc } = await openAppOf(context);
    await applySelections(doc, query.selections);
    const cube = await createCube(doc, query);
    await printCube(context.out, cube, {
      rows: Number(context.options.rows),
      csv: context.options.csv,
      signal: context.signal,
      loneValue: query.dimensions.length === 0,
    });
  },
});
