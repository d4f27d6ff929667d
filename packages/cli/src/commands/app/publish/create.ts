import { defineCommand } from '../../../command/CommandSpec.js';
import {
  PUBLISH_ATTRIBUTE_OPTIONS,
  publishBody,
  type PublishAttributeOptions,
} from './publishBody.js';

interface PublishCreateOptions extends PublishAttributeOptions {
  readonly spaceId: string;
  readonly quiet?: boolean;
}

export const publishCreate = defineCommand<PublishCreateOptions>({
  name: 'create <app>',
  summary: 'Publish an app to a managed space (a new published copy)',
  examples: [
    'qlikit app publish create <app-id> --spaceId <managed-space-id>',
    'qlikit app publish create Sales --spaceId <managed-space-id> --attributes-name "Sales" -q',
  ],
  options: [
    { flags: '--spaceId <id>', description: 'The managed space to publish to', required: true },
    ...PUBLISH_ATTRIBUTE_OPTIONS,
    { flags: '-q, --quiet', description: 'Print only the published app id' },
  ],
  async run({ args, options, out, connection }) {
    const server = await connection();
    const { apps } = await import('@qlikit/rest');
    const app = await apps(await server.rest()).get({ appId: await server.resolveAppId(args[0]!) });
    const published = await app.publish({
      body: { spaceId: options.spaceId, ...publishBody(options) },
    });
    if (options.quiet) out.line(published.id);
    else
      out.result(
        published.details,
        () => `Published ${app.id} to space ${options.spaceId} as ${published.id}.`,
      );
  },
});
