import { emitIndex } from './emitIndex.js';
import { emitService, type EmittedService } from './emitService.js';
import { loadSpecs } from './loadSpecs.js';
import { RefResolver } from './RefResolver.js';

/** The generated files, by path relative to `src/generated/`, and the services they hold. */
export interface GeneratedOutput {
  readonly files: ReadonlyMap<string, string>;
  readonly services: readonly EmittedService[];
}

/** Generates every service module and the index from the specs in `specDir`, in memory. */
export function buildServices(specDir: string): GeneratedOutput {
  const specs = loadSpecs(specDir);
  const resolver = new RefResolver(specs);
  const services = specs.map((spec) => emitService(resolver, spec));
  const files = new Map<string, string>();
  for (const service of services) files.set(`services/${service.service}.ts`, service.source);
  files.set('services/index.ts', emitIndex(services));
  return { files, services };
}
