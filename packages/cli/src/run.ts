import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram } from './command/buildProgram.js';
import type { CliIo } from './command/CliIo.js';
import { processIo } from './command/CliIo.js';
import type { CommandContext, CommandSpec } from './command/CommandSpec.js';
import { commandTree } from './commands/commandTree.js';
import { Connection } from './connect/Connection.js';
import { configDir } from './context/configDir.js';
import { ContextStore } from './context/ContextStore.js';
import type { GlobalOptions } from './context/GlobalOptions.js';
import { resolveTarget } from './context/resolveTarget.js';
import type { ExitCode } from './errors/CliError.js';
import { describeError } from './errors/describeError.js';
import { Output } from './output/Output.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/**
 * Runs one `qlikit` command line and resolves its exit code: 0 when it
 * worked, 1 when it failed, 2 when the command line was wrong.
 */
export async function run(
  argv: readonly string[],
  io: CliIo = processIo(),
  signal: AbortSignal = new AbortController().signal,
): Promise<ExitCode> {
  // Errors can come before commander has parsed anything, so --json and -v are read up front.
  const mode = {
    json: argv.includes('--json'),
    verbose: argv.includes('-v') || argv.includes('--verbose'),
  };
  const out = new Output(io, io.env, mode);
  const execute = async (spec: CommandSpec, args: readonly string[], options: GlobalOptions) => {
    const commandOut = new Output(io, io.env, {
      json: Boolean(options.json),
      verbose: Boolean(options.verbose),
    });
    let store: Promise<ContextStore> | undefined;
    let connection: Promise<Connection> | undefined;
    const context: CommandContext<object> = {
      args,
      options,
      out: commandOut,
      io,
      signal,
      store: () => (store ??= ContextStore.open(configDir(io.env))),
      connection: () =>
        (connection ??= context
          .store()
          .then(
            (saved) =>
              new Connection(
                resolveTarget(options, saved, io.env),
                commandOut,
                Boolean(options.traffic),
              ),
          )),
    };
    try {
      await spec.run(context);
    } finally {
      await (await connection?.catch(() => undefined))?.close();
    }
  };
  const program = buildProgram(commandTree, {
    version,
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    execute,
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    return report(out, error);
  }
}

// Help and --version end well; every other commander error is about the command line.
function commanderExit(error: CommanderError): ExitCode {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  return 2;
}

function report(out: Output, error: unknown): ExitCode {
  const described = describeError(error);
  if (out.json) {
    const { exitCode: _exitCode, ...shape } = described;
    out.writeError(`${JSON.stringify({ error: shape })}\n`);
    return described.exitCode;
  }
  const colors = out.errColors;
  const facts = [described.code, described.traceId && `traceId ${described.traceId}`].filter(
    Boolean,
  );
  out.writeError(
    `${colors.red('Error:')} ${described.message} ${colors.dim(`(${facts.join(', ')})`)}\n`,
  );
  if (described.hint) out.writeError(`${colors.cyan('Try:')} ${described.hint}\n`);
  if (out.isVerbose && error instanceof Error && error.stack)
    out.writeError(`${colors.dim(error.stack)}\n`);
  return described.exitCode;
}
