export { run } from './run.js';
export type { CliIo } from './command/CliIo.js';
export type { ExitCode } from './errors/CliError.js';
