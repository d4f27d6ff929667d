import { colorsFor, type Colors } from './colors.js';
import { formatTable, type Column } from './formatTable.js';
import { Progress } from './Progress.js';

/** A stream the CLI writes to: a process stream, or anything with write() in tests and programs. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** How a command's output is shaped: JSON for scripts, extra detail on stderr. */
export interface OutputMode {
  readonly json: boolean;
  readonly verbose: boolean;
}

/**
 * Where every command writes: results to stdout (aligned tables for people,
 * stable JSON with `--json`), diagnostics and progress to stderr, colour only
 * where the stream is a terminal and NO_COLOR is unset.
 */
export class Output {
  readonly json: boolean;
  readonly isVerbose: boolean;
  /** Styles for stdout. */
  readonly colors: Colors;
  /** Styles for stderr. */
  readonly errColors: Colors;
  readonly #stdout: OutputStream;
  readonly #stderr: OutputStream;

  constructor(
    streams: { readonly stdout: OutputStream; readonly stderr: OutputStream },
    env: Readonly<Record<string, string | undefined>>,
    mode: OutputMode,
  ) {
    this.#stdout = streams.stdout;
    this.#stderr = streams.stderr;
    this.json = mode.json;
    this.isVerbose = mode.verbose;
    this.colors = colorsFor(streams.stdout, env);
    this.errColors = colorsFor(streams.stderr, env);
  }

  /** Writes to stdout as is. */
  write(text: string): void {
    this.#stdout.write(text);
  }

  /** Writes to stdout and waits while the reader is behind, so long outputs stay in flat memory. */
  async writeAndDrain(chunk: string | Uint8Array): Promise<void> {
    if (this.#stdout.write(chunk) || !this.#stdout.once) return;
    await new Promise<void>((resolve) => this.#stdout.once!('drain', resolve));
  }

  /** One line on stdout. */
  line(text = ''): void {
    this.write(`${text}\n`);
  }

  /** A value as indented JSON on stdout. */
  printJson(value: unknown): void {
    this.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** `value` as JSON with `--json`, otherwise the text meant for people. */
  result(value: unknown, human: () => string): void {
    if (this.json) this.printJson(value);
    else this.write(human().replace(/\n?$/, '\n'));
  }

  /** Rows as an aligned table, or with `--json` as the JSON array `json` (the rows by default). */
  table<T>(rows: readonly T[], columns: readonly Column<T>[], json: unknown = rows): void {
    if (this.json) this.printJson(json);
    else if (rows.length > 0) this.write(formatTable(rows, columns, this.colors.bold));
  }

  /** A note for the person at the terminal, on stderr. */
  info(text: string): void {
    this.#stderr.write(`${text}\n`);
  }

  /** Detail shown with `-v`/`--verbose`, on stderr. */
  verbose(text: string): void {
    if (this.isVerbose) this.#stderr.write(`${this.errColors.dim(text)}\n`);
  }

  /** A warning on stderr. */
  warn(text: string): void {
    this.#stderr.write(`${this.errColors.yellow('Warning:')} ${text}\n`);
  }

  /** A progress bar on stderr while bytes move; silent when stderr is no terminal or with `--json`. */
  progress(label: string): Progress {
    const live = this.#stderr.isTTY === true && !this.json;
    return new Progress(label, live ? this.#stderr : undefined);
  }

  /** Writes to stderr as is. */
  writeError(text: string): void {
    this.#stderr.write(text);
  }
}
