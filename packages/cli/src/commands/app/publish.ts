import { defineCommand } from '../../command/CommandSpec.js';

interface PublishOptions {
  readonly spaceId: string;
  readonly name?: string;
  readonly quiet?: boolean;
}

export const appPublish = defineCommand<PublishOptions>({
  name: 'publish <app>',
  summary: 'Publish an app to a managed space',
  examples: ['qlikit app publish <app-id> --spaceId <managed-space-id>'],
  options: [
    { flags: '--spaceId <id>', description: 'The managed space to publish to', required: true },
    { flags: '--name <name>', description: 'Name of the published app' },
    { flags: '-q, --quiet', description: 'Print only the published app id' },
  ],
  async run({ args, options, out, connection }) {
    const server = await connection();
    const { apps } = await import('@qlikit/rest');
    const app = await apps(await server.rest()).get({ appId: await server.resolveAppId(args[0]!) });
    const published = await app.publish({
      body: {
        spaceId: options.spaceId,
        ...(options.name ? { attributes: { name: options.name } } : {}),
      },
    });
    if (options.quiet) out.line(published.id);
    else
      out.result(
        published.details,
        () => `Published ${app.id} to space ${options.spaceId} as ${published.id}.`,
      );
  },
});
