import { defineCommand } from '../../../command/CommandSpec.js';
import {
  PUBLISH_ATTRIBUTE_OPTIONS,
  publishBody,
  type PublishAttributeOptions,
} from './publishBody.js';

interface PublishUpdateOptions extends PublishAttributeOptions {
  readonly targetId: string;
  readonly quiet?: boolean;
}

export const publishUpdate = defineCommand<PublishUpdateOptions>({
  name: 'update <app>',
  summary: 'Republish an app over the published app it was published as',
  examples: ['qlikit app publish update <app-id> --targetId <published-app-id>'],
  options: [
    { flags: '--targetId <id>', description: 'The published app to replace', required: true },
    ...PUBLISH_ATTRIBUTE_OPTIONS,
    { flags: '-q, --quiet', description: 'Print only the published app id' },
  ],
  async run({ args, options, out, connection }) {
    const server = await connection();
    const client = await server.rest();
    const appId = await server.resolveAppId(args[0]!);
    const published = await client.apps.updatePublish({
      appId,
      body: { targetId: options.targetId, ...publishBody(options) },
    });
    const id = published.attributes?.id ?? options.targetId;
    if (options.quiet) out.line(id);
    else out.result(published, () => `Republished ${appId} over ${id}.`);
  },
});
