/** Options of the `qlikit-engine` command. */
export interface EngineArgs {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
}

/** Thrown for a command line the engine cannot run with; the bin prints it with the usage. */
export class UsageError extends Error {
  readonly code = 'ENGINE_USAGE';
}

/** The usage text of `qlikit-engine`. */
export const USAGE =
  'usage: qlikit-engine [--port <n>] [--host <address>] [--data <dir>]\n  --port 0 picks a free port (default 9076); --data defaults to ./.data';

/** Reads `--port`, `--host` and `--data` (also as `--name=value`). */
export function parseEngineArgs(argv: readonly string[]): EngineArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!['port', 'host', 'data'].includes(name)) throw new UsageError(`Unknown option: --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
  }
  const port = Number(values.get('port') ?? 9076);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`Invalid port: ${values.get('port')}`);
  return { port, host: values.get('host') ?? '127.0.0.1', dataDir: values.get('data') ?? '.data' };
}
