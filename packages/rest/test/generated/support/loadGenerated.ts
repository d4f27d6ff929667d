import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Operation } from '../../../src/core/Operation.js';

/** Where the committed generated services live. */
export const servicesDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'src',
  'generated',
  'services',
);

/** One generated service module as the tests see it. */
export interface GeneratedService {
  readonly service: string;
  readonly module: Readonly<Record<string, unknown>>;
  /** Method name → descriptor, from the module's `<service>Operations`. */
  readonly operations: Readonly<Record<string, Operation>>;
}

/** camelCase of a service file name, as the generator spells the `<service>Operations` export. */
export function serviceProperty(service: string): string {
  return service.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Imports every committed service module (not the index). */
export async function loadGeneratedServices(): Promise<GeneratedService[]> {
  const names = readdirSync(servicesDir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const service = name.slice(0, -3);
      const module = (await import(pathToFileURL(join(servicesDir, name)).href)) as Record<
        string,
        unknown
      >;
      const operations = module[`${serviceProperty(service)}Operations`] as Record<
        string,
        Operation
      >;
      return { service, module, operations };
    }),
  );
}
