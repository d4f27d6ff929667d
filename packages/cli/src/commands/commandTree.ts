import type { CommandSpec, GroupSpec } from '../command/CommandSpec.js';
import { appGroup } from './app/index.js';
import { completionCommands } from './completion/index.js';
import { contextGroup } from './context/index.js';

/** Every command of `qlikit`, in the order `--help` lists them. */
export const commandTree: readonly (CommandSpec | GroupSpec)[] = [
  contextGroup,
  appGroup,
  ...completionCommands(() => commandTree),
];
