import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { items } from '../../src/resources/ItemCollection.js';
import { startTinyTenant, type TinyTenant } from './support/tinyTenant.js';

describe('Item objects', () => {
  let tenant: TinyTenant;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    tenant = await startTinyTenant();
    client = createClient({ host: tenant.url, auth: 'key', retry: false });
    tenant.state.items.set('i1', { name: 'Sales app', resourceType: 'app', resourceId: 'a1' });
    tenant.state.items.set('i2', { name: 'A note', resourceType: 'note', resourceId: 'n1' });
    tenant.state.items.set('i3', { name: 'HR app', resourceType: 'app', resourceId: 'a2' });
  });
  afterAll(() => tenant.close());

  it('lists items of one resource type as Item objects, following pages', async () => {
    const found = [];
    for await (const item of items(client).list({ resourceType: 'app', limit: 1 }))
      found.push(item);
    expect(found.map((item) => item.name)).toEqual(['Sales app', 'HR app']);
    expect(found.map((item) => item.resource)).toEqual([
      { type: 'app', id: 'a1' },
      { type: 'app', id: 'a2' },
    ]);
    expect(tenant.requests.at(-1)?.url.searchParams.get('resourceType')).toBe('app');
  });

  it('reads, renames and deletes an item', async () => {
    const item = await items(client).get({ itemId: 'i2' });
    expect(item.name).toBe('A note');
    await item.update({ body: { name: 'Renamed note' } });
    expect(item.name).toBe('Renamed note');
    expect(JSON.parse(tenant.requests.at(-1)?.body.toString('utf8') ?? '')).toEqual({
      resourceType: 'note',
      name: 'Renamed note',
    });
    await item.delete();
    expect(tenant.state.items.has('i2')).toBe(false);
  });
});
