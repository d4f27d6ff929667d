import type { CommandSpec, GroupSpec } from '../command/CommandSpec.js';
import { apiKeyGroup } from './api-key/index.js';
import { appGroup } from './app/index.js';
import { completionCommands } from './completion/index.js';
import { contextGroup } from './context/index.js';
import { dataFileGroup } from './data-file/index.js';
import { itemGroup } from './item/index.js';
import { rawCommand } from './raw/index.js';
import { reloadTaskGroup } from './reload-task/index.js';
import { reloadGroup } from './reload/index.js';
import { serveCommand } from './serve/index.js';
import { spaceGroup } from './space/index.js';
import { userGroup } from './user/index.js';
import { webhookGroup } from './webhook/index.js';

/** Every command of `qlikit`, in the order `--help` lists them. */
export const commandTree: readonly (CommandSpec | GroupSpec)[] = [
  contextGroup,
  appGroup,
  spaceGroup,
  itemGroup,
  dataFileGroup,
  reloadGroup,
  reloadTaskGroup,
  userGroup,
  apiKeyGroup,
  webhookGroup,
  rawCommand,
  serveCommand,
  ...completionCommands(() => commandTree),
];
