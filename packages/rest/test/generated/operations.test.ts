import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/core/Operation.js';
import { loadGeneratedServices, type GeneratedService } from './support/loadGenerated.js';
import { haveSpecs, NO_SPECS, specDir } from './support/specs.js';

interface SpecOperation {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly tier: string;
  readonly limit: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function readSpecOperations(services: readonly string[]): SpecOperation[] {
  return services.flatMap((service) => {
    const document = JSON.parse(readFileSync(join(specDir, `${service}.json`), 'utf8')) as {
      paths: Record<
        string,
        Record<string, { operationId?: string; 'x-qlik-tier': { tier: string; limit: number } }>
      >;
    };
    return Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, spec]) => ({
          service,
          method: method.toUpperCase(),
          path,
          operationId: spec.operationId,
          tier: spec['x-qlik-tier'].tier,
          limit: spec['x-qlik-tier'].limit,
        })),
    );
  });
}

const key = (service: string, method: string, path: string) => `${service} ${method} ${path}`;

describe.skipIf(!haveSpecs)(haveSpecs ? 'generated operations against the specs' : NO_SPECS, () => {
  let generated: GeneratedService[];
  let specOperations: SpecOperation[];
  let descriptors: Map<string, Operation[]>;

  beforeAll(async () => {
    generated = await loadGeneratedServices();
    const specServices = (await import('node:fs'))
      .readdirSync(specDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -5))
      .sort();
    expect(generated.map((service) => service.service).sort()).toEqual(specServices);
    specOperations = readSpecOperations(specServices);
    descriptors = new Map();
    for (const { service, operations } of generated) {
      for (const operation of Object.values(operations)) {
        const id = key(service, operation.method, operation.path);
        descriptors.set(id, [...(descriptors.get(id) ?? []), operation]);
      }
    }
  });

  it('generates every spec operation exactly once, and nothing else', () => {
    const total = generated.reduce(
      (sum, { operations }) => sum + Object.keys(operations).length,
      0,
    );
    expect(total).toBe(specOperations.length);
    expect(specOperations.length).toBeGreaterThan(600);
    for (const operation of specOperations) {
      expect(
        descriptors.get(key(operation.service, operation.method, operation.path)),
        key(operation.service, operation.method, operation.path),
      ).toHaveLength(1);
    }
  });

  it('carries each operation’s tier, per-minute limit and operationId from x-qlik-tier', () => {
    for (const operation of specOperations) {
      const [descriptor] =
        descriptors.get(key(operation.service, operation.method, operation.path)) ?? [];
      expect(descriptor.limit).toBe(operation.limit);
      expect(descriptor.tier).toBe(
        /^\d+$/.test(operation.tier) ? `tier${operation.tier}` : operation.tier,
      );
      if (operation.operationId) expect(descriptor.id).toBe(operation.operationId);
    }
  });

  it('has the documented tier on sampled operations', () => {
    const sample = (service: string, method: string, path: string) =>
      descriptors.get(key(service, method, path))?.[0];
    expect(sample('apps', 'GET', '/api/v1/apps/{appId}')).toMatchObject({
      tier: 'tier1',
      limit: 1000,
      pathParams: ['appId'],
      response: 'json',
    });
    expect(sample('apps', 'POST', '/api/v1/apps/{appId}/export')).toMatchObject({
      tier: 'tier2',
      limit: 100,
      response: 'empty',
      queryParams: ['NoData'],
    });
    expect(sample('reloads', 'POST', '/api/v1/reloads')).toMatchObject({
      tier: 'special',
      limit: 50,
      body: 'json',
    });
    expect(sample('items', 'GET', '/api/v1/items')).toMatchObject({
      tier: 'tier1',
      limit: 1000,
      paging: 'links',
    });
    expect(sample('temp-contents', 'POST', '/api/v1/temp-contents')).toMatchObject({
      body: 'binary',
      response: 'empty',
    });
    expect(sample('temp-contents', 'GET', '/api/v1/temp-contents/{id}')).toMatchObject({
      response: 'binary',
    });
    expect(sample('data-files', 'POST', '/api/v1/data-files')).toMatchObject({ body: 'multipart' });
    const special = specOperations.filter((operation) => operation.tier === 'special');
    expect(special.length).toBeGreaterThan(0);
    for (const operation of special) {
      expect(sample(operation.service, operation.method, operation.path)).toMatchObject({
        tier: 'special',
        limit: operation.limit,
      });
    }
  });

  it('pages list operations by links or by a cursor parameter', () => {
    const paged = [...descriptors.values()].flat().filter((operation) => operation.paging);
    expect(paged.length).toBeGreaterThan(50);
    for (const operation of paged) {
      expect(operation.method).toBe('GET');
      if (operation.paging === 'cursor')
        expect(operation.queryParams).toContain(operation.cursorParam);
    }
  });
});
