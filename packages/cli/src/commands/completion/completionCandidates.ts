import { GLOBAL_OPTIONS } from '../../command/buildProgram.js';
import {
  isGroup,
  type CommandSpec,
  type GroupSpec,
  type OptionSpec,
} from '../../command/CommandSpec.js';

const commandName = (spec: CommandSpec | GroupSpec) => spec.name.split(' ')[0]!;
const longFlags = (options: readonly OptionSpec[]) =>
  options.flatMap((option) => option.flags.split(/[ ,]+/).filter((flag) => flag.startsWith('--')));

/**
 * What may come next on a command line: `words` are the words typed after
 * `qlikit`, the last being the one under the cursor (possibly empty).
 */
export function completionCandidates(
  tree: readonly (CommandSpec | GroupSpec)[],
  words: readonly string[],
): string[] {
  const partial = words.at(-1) ?? '';
  let children: readonly (CommandSpec | GroupSpec)[] = tree;
  let command: CommandSpec | undefined;
  for (const word of words.slice(0, -1)) {
    if (word.startsWith('-') || command) continue;
    const next = children.find(
      (spec) => commandName(spec) === word || spec.aliases?.includes(word),
    );
    if (!next) break;
    if (isGroup(next)) children = next.commands;
    else command = next;
  }
  const candidates = partial.startsWith('-')
    ? [...longFlags(command?.options ?? []), ...longFlags(GLOBAL_OPTIONS), '--help']
    : command
      ? []
      : children.map(commandName);
  return candidates.filter((candidate) => candidate.startsWith(partial));
}
