import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function bundle(program: string): Promise<string> {
  const result = await build({
    stdin: { contents: program, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    // The core reaches for node:fs only through dynamic imports on Node paths (files on disk).
    external: ['node:*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('tree-shaking of generated services', () => {
  it('bundles one function of the apps service without the other services or the other app operations', async () => {
    const code = await bundle(
      `import { getApp } from './src/generated/services/apps.js'; export { getApp };`,
    );
    expect(code).toContain('"/api/v1/apps/{appId}"');
    expect(code).not.toContain('/api/v1/apps/{appId}/copy');
    for (const other of [
      '/api/v1/spaces',
      '/api/v1/items',
      '/api/v1/reloads',
      '/api/v1/data-files',
    ]) {
      expect(code).not.toContain(other);
    }
  });

  it('bundles the whole apps service with the bare transport without any other service', async () => {
    // `createClient` attaches every service to the client by design; the bare `RestClient` is the
    // transport for tree-shaken programs.
    const code = await bundle(
      `import { RestClient } from './src/client/RestClient.js';
       import { createAppsService } from './src/generated/services/apps.js';
       export const apps = createAppsService(new RestClient({ host: 'tenant.eu.qlikcloud.com' }));`,
    );
    expect(code).toContain('/api/v1/apps/{appId}/copy');
    for (const other of [
      '/api/v1/spaces',
      '/api/v1/items',
      '/api/v1/data-files',
      '/api/v1/users',
    ]) {
      expect(code).not.toContain(other);
    }
  });
});
