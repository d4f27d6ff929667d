import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineCommand } from '../../command/CommandSpec.js';
import { positiveInteger } from '../../command/optionParsers.js';
import { CliError } from '../../errors/CliError.js';

interface ServeOptions {
  readonly port?: string;
  readonly host: string;
  readonly data?: string;
  readonly demo?: boolean;
}

// The demo apps load vega-datasets' files (a development dependency of the repository).
function demoSourceDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('vega-datasets')), '..', 'data');
  } catch {
    return undefined;
  }
}

async function loadTenant(): Promise<typeof import('@qlikit/tenant')> {
  try {
    return await import('@qlikit/tenant');
  } catch (cause) {
    throw new CliError('TENANT_MISSING', '`qlikit serve` needs the @qlikit/tenant package.', {
      hint: 'Install it next to the CLI: npm install @qlikit/tenant',
      cause,
    });
  }
}

export const serveCommand = defineCommand<ServeOptions>({
  name: 'serve',
  summary:
    'Run the local tenant: REST API and engine on one port, with the demo apps (what `npm start` runs)',
  description:
    'Stores everything under --data (QLIKIT_DATA, default ./.data); prints an admin API key and the command that points the CLI at it. Stops on Ctrl+C.',
  examples: [
    'qlikit serve',
    'qlikit serve --port 0 --data /tmp/tenant --no-demo',
    'PORT=8080 qlikit serve',
  ],
  options: [
    {
      flags: '--port <n>',
      description: 'Port to listen on; 0 picks a free one (default: PORT or 9076)',
    },
    { flags: '--host <address>', description: 'Interface to listen on', defaultValue: '127.0.0.1' },
    {
      flags: '--data <dir>',
      description: 'Where the tenant keeps its data (default: QLIKIT_DATA or ./.data)',
    },
    { flags: '--no-demo', description: 'Start without the demo apps' },
  ],
  async run({ options, out, io, signal }) {
    const portText = options.port ?? io.env.PORT ?? '9076';
    const port = portText === '0' ? 0 : positiveInteger(portText);
    const dataDir = resolve(io.cwd, options.data ?? io.env.QLIKIT_DATA ?? '.data');
    const { startTenant, seedDemo } = await loadTenant();
    const tenant = await startTenant({ port, host: options.host, dataDir });
    try {
      const source = options.demo === false ? undefined : demoSourceDir();
      const apps = source ? await seedDemo(tenant.context, tenant.admin.user, source) : [];
      const key = tenant.admin.apiKey;
      out.result({ url: tenant.url, apiKey: key, dataDir, apps }, () =>
        [
          `qlikit tenant listening on ${tenant.url}`,
          `  REST API   ${tenant.url}/api/v1/...`,
          `  engine     ${tenant.url.replace(/^http/, 'ws')}/app/<appId>`,
          `  data       ${dataDir}`,
          '',
          'Admin API key (send it as "Authorization: Bearer <key>"):',
          key,
          '',
          ...(apps.length
            ? [
                'Demo apps:',
                ...apps.map(
                  (app) =>
                    `  ${app.id.padEnd(16)} ${app.title}${app.created ? ' (built now)' : ''}`,
                ),
                '',
              ]
            : []),
          'Point the CLI at it (in another terminal):',
          `  npx qlikit context create local --server ${tenant.url} --api-key ${key}`,
          '  npx qlikit app ls',
          'Stop with Ctrl+C.',
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        if (signal.aborted) done();
        else signal.addEventListener('abort', () => done(), { once: true });
      });
    } finally {
      await tenant.close();
    }
  },
});
