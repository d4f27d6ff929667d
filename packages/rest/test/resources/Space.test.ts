import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { spaces } from '../../src/resources/SpaceCollection.js';
import { startTinyTenant, type TinyTenant } from './support/tinyTenant.js';

describe('Space objects', () => {
  let tenant: TinyTenant;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    tenant = await startTinyTenant();
    client = createClient({ host: tenant.url, auth: 'key', retry: false });
  });
  afterAll(() => tenant.close());

  it('creates, reads, updates and deletes a space', async () => {
    const space = await spaces(client).create({ body: { name: 'Finance', type: 'shared' } });
    expect((await spaces(client).get({ spaceId: space.id })).name).toBe('Finance');
    await space.update({ body: { name: 'Finance EU' } });
    expect(space.name).toBe('Finance EU');
    expect(tenant.state.spaces.get(space.id)?.name).toBe('Finance EU');
    await space.delete();
    expect(tenant.state.spaces.has(space.id)).toBe(false);
  });

  it('adds, lists across pages and removes assignments', async () => {
    const space = await spaces(client).create({ body: { name: 'Team', type: 'managed' } });
    for (const user of ['u1', 'u2', 'u3']) {
      await space.createAssignment({
        body: { type: 'user', assigneeId: user, roles: ['consumer'] },
      });
    }
    const before = tenant.requests.length;
    const listed: string[] = [];
    for await (const assignment of space.listAssignments({ limit: 2 }))
      listed.push(assignment.assigneeId);
    expect(listed).toEqual(['u1', 'u2', 'u3']);
    expect(tenant.requests.length - before).toBe(2);
    const [first] = await space.listAssignments().all();
    await space.deleteAssignment({ assignmentId: first.id });
    expect(
      (await space.listAssignments().all()).map((assignment) => assignment.assigneeId),
    ).toEqual(['u2', 'u3']);
  });

  it('lists spaces as Space objects across pages', async () => {
    const names: string[] = [];
    for await (const space of spaces(client).list({ limit: 1 })) names.push(space.name);
    expect(names).toEqual([...tenant.state.spaces.values()].map((space) => space.name));
    expect(names.length).toBeGreaterThan(0);
  });
});
