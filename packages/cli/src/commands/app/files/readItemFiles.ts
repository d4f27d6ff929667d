import { parse } from 'yaml';
import type { CommandContext } from '../../../command/CommandSpec.js';
import { CliError } from '../../../errors/CliError.js';
import { readTextInput } from './readTextInput.js';

/** Parses JSON, or YAML for .yml/.yaml files. */
export function parseItemText(path: string, text: string): unknown {
  try {
    return /\.ya?ml$/i.test(path) ? (parse(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (cause) {
    throw new CliError(
      'FILE_INVALID',
      `${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(cause as Error).message}`,
      {
        cause,
        exitCode: 2,
      },
    );
  }
}

/** Every item of the files: each file holds one object or an array of them (JSON, or YAML by extension). */
export async function readItemFiles<T>(
  paths: readonly string[],
  context: Pick<CommandContext<object>, 'io'>,
): Promise<T[]> {
  const items: T[] = [];
  for (const path of paths) {
    const value = parseItemText(path, await readTextInput(path, context));
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'object' || item === null) {
        throw new CliError('FILE_INVALID', `${path} must hold an object or an array of objects.`, {
          exitCode: 2,
        });
      }
      items.push(item as T);
    }
  }
  return items;
}
