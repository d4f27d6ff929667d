import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTenantForCli, type TenantForCli } from './support/tenantForCli.js';

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe('qlikit reload-task and webhook against a tenant', { timeout: 120_000 }, () => {
  let tenant: TenantForCli;

  // Starting a tenant and building the app through its engine can take long on a busy machine.
  beforeAll(async () => {
    tenant = await startTenantForCli();
  }, 120_000);
  afterAll(() => tenant?.close());

  it('schedules reloads of an app, lists and reads the task, and deletes it', async () => {
    const rule = 'RRULE:FREQ=DAILY;BYHOUR=6;BYMINUTE=0;BYSECOND=0';
    const created = await tenant.cli([
      'reload-task',
      'create',
      '--appId',
      'Sales',
      '--recurrence',
      rule,
      '--timeZone',
      'Europe/Stockholm',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const task = JSON.parse(created.stdout);
    expect(task).toMatchObject({
      appId: tenant.appId,
      recurrence: [rule],
      timeZone: 'Europe/Stockholm',
    });
    const listed = JSON.parse(
      (await tenant.cli(['reload-task', 'ls', '--appId', tenant.appId, '--json'])).stdout,
    );
    expect(listed.map((entry: { id: string }) => entry.id)).toEqual([task.id]);
    const table = await tenant.cli(['reload-task', 'ls']);
    expect(table.stdout).toMatch(/^ID\s+APP\s+STATE\s+RECURRENCE\n/);
    expect(table.stdout).toContain(rule);
    const shown = await tenant.cli(['reload-task', 'get', task.id]);
    expect(shown.stdout).toMatch(new RegExp(`^id: +${task.id}\n`));
    expect(shown.stdout).toMatch(/\ntimeZone: +Europe\/Stockholm\n/);
    expect((await tenant.cli(['reload-task', 'rm', task.id])).stdout).toBe(
      `Deleted reload task ${task.id}.\n`,
    );
    expect(JSON.parse((await tenant.cli(['reload-task', 'ls', '--json'])).stdout)).toEqual([]);
    const missing = await tenant.cli(['reload-task', 'create', '--appId', 'Sales']);
    expect(missing.code).toBe(2);
  });

  it('creates, lists and deletes webhooks', async () => {
    const id = (
      await tenant.cli([
        'webhook',
        'create',
        '--name',
        'reloads',
        '--url',
        'http://127.0.0.1:9/hook',
        '--eventTypes',
        'com.qlik.v1.app.reload.finished',
        '--disabled',
        '-q',
      ])
    ).stdout.trim();
    expect(id).not.toBe('');
    const listed = JSON.parse((await tenant.cli(['webhook', 'ls', '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        name: 'reloads',
        url: 'http://127.0.0.1:9/hook',
        enabled: false,
        eventTypes: ['com.qlik.v1.app.reload.finished'],
      }),
    ]);
    // qlik-cli's spellings: a comma-separated --eventTypes, --enabled, --filter, --level.
    const filtered = JSON.parse(
      (
        await tenant.cli([
          'webhook',
          'create',
          '--name',
          'failures',
          '--url',
          'http://127.0.0.1:9/failures',
          '--eventTypes',
          'com.qlik.v1.app.reload.finished,com.qlik.v1.app.created',
          '--enabled',
          '--filter',
          'spaceId eq "none"',
          '--level',
          'user',
          '--json',
        ])
      ).stdout,
    );
    expect(filtered).toMatchObject({
      enabled: true,
      level: 'user',
      filter: 'spaceId eq "none"',
      eventTypes: ['com.qlik.v1.app.reload.finished', 'com.qlik.v1.app.created'],
    });
    const both = await tenant.cli([
      'webhook',
      'create',
      '--name',
      'x',
      '--url',
      'http://127.0.0.1:9/x',
      '--enabled',
      '--disabled',
    ]);
    expect(both.code).toBe(2);
    expect((await tenant.cli(['webhook', 'rm', filtered.id])).code).toBe(0);
    const table = await tenant.cli(['webhook', 'ls']);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+URL\s+ENABLED\s+EVENTS\n/);
    expect((await tenant.cli(['webhook', 'rm', id])).stdout).toBe(`Deleted webhook ${id}.\n`);
    expect(JSON.parse((await tenant.cli(['webhook', 'ls', '--json'])).stdout)).toEqual([]);
  });
});
