import { Command, Option } from 'commander';
import type { GlobalOptions } from '../context/GlobalOptions.js';
import { keyValues } from './optionParsers.js';
import { isGroup, type CommandSpec, type GroupSpec, type OptionSpec } from './CommandSpec.js';

/** Runs one command once commander has parsed its line. */
export type Execute = (
  spec: CommandSpec,
  args: readonly string[],
  options: GlobalOptions,
) => Promise<void>;

/** qlik-cli's global flags, accepted before or after the command. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--context <name>',
    description: 'Name of the saved context to use (default: the current one)',
  },
  {
    flags: '-s, --server <url>',
    description: 'URL of a Qlik Cloud tenant, a qlikit tenant, or a bare engine',
  },
  { flags: '--server-type <type>', description: 'The type of server: cloud (a tenant) or engine' },
  { flags: '--api-key <key>', description: 'API key (or access token) to authenticate with' },
  {
    flags: '--headers <k=v,...>',
    description: 'HTTP headers to send with every request',
    parse: keyValues,
  },
  { flags: '--insecure', description: 'Accept self-signed certificates' },
  { flags: '--json', description: 'Print results as JSON (stable shapes, for scripts)' },
  { flags: '-v, --verbose', description: 'Log extra information to stderr' },
  {
    flags: '-t, --traffic',
    description: 'Log REST requests and engine WebSocket traffic to stderr',
  },
];

/** Adds a commander option from its spec. */
function addOption(command: Command, spec: OptionSpec): void {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.required) option.makeOptionMandatory();
  command.addOption(option);
}

function examplesText(examples: readonly string[]): string {
  return `\nExamples:\n${examples.map((example) => `  ${example}`).join('\n')}\n`;
}

function addSpec(parent: Command, spec: CommandSpec | GroupSpec, execute: Execute): void {
  const hidden = !isGroup(spec) && spec.hidden === true;
  const command = parent.command(spec.name, { hidden }).description(spec.summary);
  for (const alias of spec.aliases ?? []) command.alias(alias);
  command.addHelpText('after', examplesText(spec.examples));
  if (isGroup(spec)) {
    for (const child of spec.commands) addSpec(command, child, execute);
    return;
  }
  if (spec.description) command.description(`${spec.summary}\n\n${spec.description}`);
  command.summary(spec.summary);
  for (const option of spec.options ?? []) addOption(command, option);
  command.action(async (...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const args = self.processedArgs.flat().filter((arg): arg is string => typeof arg === 'string');
    await execute(spec, args, self.optsWithGlobals<GlobalOptions>());
  });
}

/** The `qlikit` program: global options, then every command of the tree. */
export function buildProgram(
  tree: readonly (CommandSpec | GroupSpec)[],
  settings: {
    readonly version: string;
    readonly writeOut: (text: string) => void;
    readonly writeErr: (text: string) => void;
    readonly execute: Execute;
  },
): Command {
  const program = new Command('qlikit')
    .description(
      "qlikit: qlik-cli's commands for Qlik Cloud, a local qlikit tenant or a bare engine",
    )
    .version(settings.version, '--version', 'Print the version')
    .exitOverride()
    .configureOutput({ writeOut: settings.writeOut, writeErr: settings.writeErr })
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true });
  for (const option of GLOBAL_OPTIONS) addOption(program, option);
  program.addHelpText(
    'after',
    examplesText([
      'qlikit context create local --server http://127.0.0.1:3000 --api-key <key>',
      'qlikit app ls',
      'qlikit app eval "Sum(Sales)" --app <id> --server localhost:9076',
    ]),
  );
  for (const spec of tree) addSpec(program, spec, settings.execute);
  return program;
}
