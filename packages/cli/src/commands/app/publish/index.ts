import { defineGroup } from '../../../command/CommandSpec.js';
import { publishCreate } from './create.js';
import { publishUpdate } from './update.js';

/** `app publish create/update`, as qlik-cli names them. */
export const publishGroup = defineGroup({
  name: 'publish',
  summary: 'Publish an app to a managed space, or republish it',
  examples: ['qlikit app publish create <app-id> --spaceId <managed-space-id>'],
  commands: [publishCreate, publishUpdate],
});
