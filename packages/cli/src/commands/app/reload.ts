import { defineCommand } from '../../command/CommandSpec.js';
import { nonNegativeInteger } from '../../command/optionParsers.js';
import { CliError } from '../../errors/CliError.js';
import { APP_OPTIONS, NO_SAVE_OPTION, openAppOf, type AppOptions } from './appOptions.js';
import { formatDuration, reloadWithLog } from './reloadWithLog.js';

interface ReloadOptions extends AppOptions {
  readonly partial?: boolean;
  readonly limit?: number;
  readonly silent?: boolean;
  readonly save?: boolean;
}

export const appReload = defineCommand<ReloadOptions>({
  name: 'reload',
  summary: 'Reload the app on its engine, streaming the log, then save it',
  description: 'Ends with the result and the duration; exits with 1 when the reload failed.',
  examples: [
    'qlikit app reload --app flights',
    'qlikit app reload --app flights --partial --no-save',
    'qlikit app reload --app flights --limit 100 --no-save',
    'qlikit app reload --app flights --silent --json',
  ],
  options: [
    ...APP_OPTIONS,
    { flags: '--partial', description: 'Run a partial reload (ADD and REPLACE loads only)' },
    {
      flags: '--limit <rows>',
      description: 'Load at most this many rows from each data source (a limited load)',
      parse: nonNegativeInteger,
    },
    { flags: '--silent', description: 'Do not print the reload log' },
    NO_SAVE_OPTION,
  ],
  async run(context) {
    const { options, out } = context;
    const app = await openAppOf(context);
    const outcome = await reloadWithLog(app, out, {
      partial: options.partial,
      limit: options.limit,
      silent: options.silent,
      signal: context.signal,
    });
    const saved = outcome.success && options.save !== false;
    if (saved) await app.doc.doSave();
    const status = outcome.success ? 'SUCCEEDED' : 'FAILED';
    out.result(
      {
        appId: app.appId,
        status,
        durationMs: outcome.durationMs,
        saved,
        errors: outcome.errors,
        log: outcome.log,
      },
      () => {
        const color = outcome.success ? out.colors.green : out.colors.red;
        return `Reload ${color(status)} in ${formatDuration(outcome.durationMs)}${saved ? '; the app is saved' : ''}.`;
      },
    );
    if (!outcome.success) {
      throw new CliError(
        'RELOAD_FAILED',
        `The reload of ${app.appId} failed${outcome.errors.length ? `: ${outcome.errors.join('; ')}` : '.'}`,
        {
          hint: 'The log above shows where; fix the script with `qlikit app script get/set`.',
        },
      );
    }
  },
});
