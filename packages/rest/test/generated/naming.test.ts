import { beforeAll, describe, expect, it } from 'vitest';
import { serviceFactories } from '../../src/generated/services/index.js';
import type { RestTransport } from '../../src/core/Operation.js';
import {
  loadGeneratedServices,
  serviceProperty,
  type GeneratedService,
} from './support/loadGenerated.js';

// A transport that is never called: these tests only look at names and shapes.
const unusedTransport: RestTransport = {
  request: () => Promise.reject(new Error('not called')),
  paginate: () => {
    throw new Error('not called');
  },
};

describe('generated names', () => {
  let generated: GeneratedService[];

  beforeAll(async () => {
    generated = await loadGeneratedServices();
  });

  it('gives every operation of a service its own method, and every method a standalone function', () => {
    for (const { service, module, operations } of generated) {
      const factory = serviceFactories[serviceProperty(service) as keyof typeof serviceFactories];
      expect(factory, service).toBe(module[`create${pascal(service)}Service`]);
      const instance = factory(unusedTransport) as unknown as Record<string, unknown>;
      const methods = Object.keys(operations);
      expect(new Set(methods).size).toBe(methods.length);
      const descriptorNames = Object.keys(module).filter(
        (name) => name.endsWith('Operation') && typeof module[name] === 'object',
      );
      expect(descriptorNames).toHaveLength(methods.length);
      for (const method of methods) {
        expect(typeof instance[method], `${service}.${method}`).toBe('function');
        const descriptorName = descriptorNames.find((name) => module[name] === operations[method]);
        expect(descriptorName, `${service}.${method} descriptor`).toBeDefined();
        const fn = (descriptorName as string).slice(0, -'Operation'.length);
        expect(typeof module[fn], `${service}: function ${fn}`).toBe('function');
      }
    }
  });

  it('keeps the operationId reachable on each descriptor', () => {
    for (const { operations } of generated) {
      for (const operation of Object.values(operations)) expect(operation.id).toMatch(/\S/);
    }
  });

  it('follows the documented rule on well-known operations', () => {
    const apps = generated.find((service) => service.service === 'apps')?.operations ?? {};
    expect(apps.get).toMatchObject({ method: 'GET', path: '/api/v1/apps/{appId}' });
    expect(apps.create).toMatchObject({ method: 'POST', path: '/api/v1/apps' });
    expect(apps.delete).toMatchObject({ method: 'DELETE', path: '/api/v1/apps/{appId}' });
    expect(apps.copy).toMatchObject({ method: 'POST', path: '/api/v1/apps/{appId}/copy' });
    expect(apps.export).toMatchObject({ method: 'POST', path: '/api/v1/apps/{appId}/export' });
    expect(apps.publish).toMatchObject({ method: 'POST', path: '/api/v1/apps/{appId}/publish' });
    expect(apps.updateSpace).toMatchObject({ method: 'PUT', path: '/api/v1/apps/{appId}/space' });
    expect(apps.deleteSpace).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/apps/{appId}/space',
    });
    const spaces = generated.find((service) => service.service === 'spaces')?.operations ?? {};
    expect(spaces.list).toMatchObject({ method: 'GET', path: '/api/v1/spaces' });
    expect(spaces.listAssignments).toMatchObject({
      method: 'GET',
      path: '/api/v1/spaces/{spaceId}/assignments',
    });
    expect(spaces.createAssignment).toMatchObject({
      method: 'POST',
      path: '/api/v1/spaces/{spaceId}/assignments',
    });
    expect(spaces.deleteAssignment).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/spaces/{spaceId}/assignments/{assignmentId}',
    });
    const items = generated.find((service) => service.service === 'items')?.operations ?? {};
    expect(items.list).toMatchObject({ method: 'GET', path: '/api/v1/items', paging: 'links' });
    const module = generated.find((service) => service.service === 'apps')?.module ?? {};
    expect(module.getAppOperation).toBe(apps.get);
    expect(typeof module.getApp).toBe('function');
  });
});

function pascal(service: string): string {
  const camel = serviceProperty(service);
  return camel[0].toUpperCase() + camel.slice(1);
}
