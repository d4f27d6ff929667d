import type { CommandContext, OptionSpec } from '../../command/CommandSpec.js';
import type { OpenApp } from '../../connect/Connection.js';

/** The flags of every command that opens an app on an engine (qlik-cli's names). */
export interface AppOptions {
  readonly app?: string;
  /** false with --no-data. */
  readonly data?: boolean;
  readonly ttl?: string;
}

/** `-a/--app`, `--no-data`, `--ttl`. */
export const APP_OPTIONS: readonly OptionSpec[] = [
  { flags: '-a, --app <app>', description: 'Name or id of the app' },
  { flags: '--no-data', description: 'Open the app without data' },
  { flags: '--ttl <seconds>', description: "The engine session's time to live in seconds" },
];

/** `--no-save`, for commands that change an app. */
export const NO_SAVE_OPTION: OptionSpec = {
  flags: '--no-save',
  description: 'Do not save the app',
};

/** Opens the app the command's --app names, on the engine of the tenant or the bare engine. */
export async function openAppOf(context: CommandContext<AppOptions>): Promise<OpenApp> {
  const { app, data, ttl } = context.options;
  return (await context.connection()).openApp(app, { noData: data === false, ttl });
}
