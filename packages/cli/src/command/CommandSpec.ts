import type { Connection } from '../connect/Connection.js';
import type { ContextStore } from '../context/ContextStore.js';
import type { GlobalOptions } from '../context/GlobalOptions.js';
import type { Output } from '../output/Output.js';
import type { CliIo } from './CliIo.js';

/** One flag of a command, in commander's notation (`-a, --app <app>`). */
export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string | boolean | readonly string[];
  readonly choices?: readonly string[];
  /** Turns the text into the option's value; gets the previous value, so repeatable flags can collect. */
  readonly parse?: (value: string, previous: unknown) => unknown;
  /** The command refuses to run without it (exit code 2). */
  readonly required?: boolean;
}

/** What a command's `run` gets: its arguments and options, where to write, and the way to the server. */
export interface CommandContext<TOptions> {
  /** Positional arguments, in the order the command's name declares them. */
  readonly args: readonly string[];
  readonly options: TOptions & GlobalOptions;
  readonly out: Output;
  readonly io: CliIo;
  /** Aborts on Ctrl+C. */
  readonly signal: AbortSignal;
  /** The saved contexts. */
  store(): Promise<ContextStore>;
  /** The server the flags and the context point at. */
  connection(): Promise<Connection>;
}

/** One command: name with its arguments (`get <appId>`), help text with examples, options, and what it does. */
export interface CommandSpec<TOptions = object> {
  readonly name: string;
  readonly summary: string;
  /** Longer help shown above the options. */
  readonly description?: string;
  /** Every command shows at least one example in its --help. */
  readonly examples: readonly [string, ...string[]];
  readonly aliases?: readonly string[];
  readonly options?: readonly OptionSpec[];
  /** Left out of --help (plumbing such as `__complete`). */
  readonly hidden?: boolean;
  run(context: CommandContext<TOptions>): Promise<void>;
}

/** A group of commands (`app`, `app object`...). */
export interface GroupSpec {
  readonly name: string;
  readonly summary: string;
  readonly examples: readonly [string, ...string[]];
  readonly aliases?: readonly string[];
  readonly commands: readonly (CommandSpec | GroupSpec)[];
}

/** Declares a command; the options type flows into `run`. */
export function defineCommand<TOptions = object>(
  spec: CommandSpec<TOptions>,
): CommandSpec<TOptions> {
  return spec;
}

/** Declares a group of commands. */
export function defineGroup(spec: GroupSpec): GroupSpec {
  return spec;
}

/** True for a group, false for a command. */
export function isGroup(spec: CommandSpec | GroupSpec): spec is GroupSpec {
  return 'commands' in spec;
}
