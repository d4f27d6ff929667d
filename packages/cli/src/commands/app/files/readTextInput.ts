import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandContext } from '../../../command/CommandSpec.js';
import { CliError } from '../../../errors/CliError.js';

/** Reads a text file named on the command line, relative to the working directory; `-` reads stdin. */
export async function readTextInput(
  path: string,
  context: Pick<CommandContext<object>, 'io'>,
): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of context.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(resolve(context.io.cwd, path), 'utf8');
  } catch (cause) {
    throw new CliError('FILE_UNREADABLE', `Cannot read ${path}: ${(cause as Error).message}`, {
      cause,
      exitCode: 2,
    });
  }
}
