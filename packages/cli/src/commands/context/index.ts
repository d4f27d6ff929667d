import { defineGroup } from '../../command/CommandSpec.js';
import { contextClear } from './clear.js';
import { contextCreate } from './create.js';
import { contextGet } from './get.js';
import { contextLs } from './ls.js';
import { contextRename } from './rename.js';
import { contextRm } from './rm.js';
import { contextUpdate } from './update.js';
import { contextUse } from './use.js';

export const contextGroup = defineGroup({
  name: 'context',
  summary: 'Create, update and use contexts (saved servers and credentials)',
  examples: [
    'qlikit context create local --server http://127.0.0.1:3000 --api-key <key>',
    'qlikit context ls',
  ],
  commands: [
    contextCreate,
    contextLs,
    contextGet,
    contextUse,
    contextUpdate,
    contextRename,
    contextRm,
    contextClear,
  ],
});
