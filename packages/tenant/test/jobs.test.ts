import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';
import { waitFor } from './helpers/waitFor.js';

const SECRET = 'a-webhook-secret-of-32-characters!!';

describe('reload tasks, webhooks and audits', () => {
  let t: TenantFixture;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await startFixture({ webhooks: { retryDelaysMs: [50, 50, 50] } });
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = failuresLeft-- > 0 ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await t.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('runs a reload task when it is due and plans its next run', async () => {
    const app = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Scheduled' } } })
    ).body.attributes.id;
    await t.call('POST', `/api/v1/apps/${app}/scripts`, {
      body: { script: 'T: LOAD 1 AS x AUTOGENERATE 1;' },
    });
    const start = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toISOString();
    const task = await t.call('POST', '/api/v1/reload-tasks', {
      body: {
        appId: app,
        timeZone: 'Europe/Zurich',
        recurrence: ['RRULE:FREQ=DAILY;INTERVAL=1'],
        startDateTime: start,
      },
    });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ appId: app, state: 'Enabled', nextExecutionTime: start });
    const reloads = await waitFor(
      async () => (await t.call('GET', `/api/v1/reloads?appId=${app}`)).body.data,
      (data: Array<{ status: string }>) => data.length === 1 && data[0]!.status === 'SUCCEEDED',
    );
    expect(reloads[0]).toMatchObject({ type: 'chronos' });
    const after = await t.call('GET', `/api/v1/reload-tasks/${task.body.id}`);
    expect(after.body.lastExecutionTime).toBeTruthy();
    expect(Date.parse(after.body.nextExecutionTime) - Date.parse(start)).toBe(86_400_000);
    const bad = await t.call('POST', '/api/v1/reload-tasks', {
      body: { appId: app, recurrence: ['RRULE:FREQ=DAILY;BYSETPOS=1'] },
    });
    expect(bad.status).toBe(400);
    expect((await t.call('DELETE', `/api/v1/reload-tasks/${task.body.id}`)).status).toBe(204);
  });

  it('delivers signed events to webhooks, retrying until the receiver answers 2xx', async () => {
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: {
        name: 'ci',
        url: receiverUrl,
        eventTypes: ['com.qlik.v1.app.created'],
        secret: SECRET,
        enabled: true,
      },
    });
    expect(hook.status).toBe(201);
    expect(hook.body).toMatchObject({ secretKeyAdded: true, enabled: true });
    expect(hook.body.secret).toBeUndefined();
    failuresLeft = 2;
    received.length = 0;
    const app = (await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Hooked' } } }))
      .body.attributes.id;
    await waitFor(
      async () => received.length,
      (count) => count === 3,
    );
    const last = received[2]!;
    expect(last.headers['qlik-signature']).toBe(
      createHmac('sha256', SECRET).update(last.body).digest('hex'),
    );
    expect(last.headers['user-agent']).toBe('Qlik Webhook');
    expect(JSON.parse(last.body)).toMatchObject({
      cloudEventsVersion: '0.1',
      eventType: 'com.qlik.v1.app.created',
      extensions: { topLevelResourceId: app },
      data: { id: app },
    });
    const deliveries = await waitFor(
      async () => (await t.call('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`)).body.data,
      (data: { status: string; eventType: string; statusMessage: string }[]) => data.length === 1,
    );
    expect(deliveries[0]).toMatchObject({
      status: 'success',
      eventType: 'com.qlik.v1.app.created',
    });
    expect(deliveries[0].statusMessage).toMatch(/attempt 3/);
    const filtered = await t.call('PATCH', `/api/v1/webhooks/${hook.body.id}`, {
      body: [{ op: 'replace', path: '/filter', value: 'id eq "nope"' }],
    });
    expect(filtered.status).toBe(400);
  });

  it('keeps an audit log of the events', async () => {
    const audits = await t.call('GET', '/api/v1/audits?eventType=com.qlik.v1.app.created');
    expect(audits.status).toBe(200);
    expect(audits.body.data.length).toBeGreaterThanOrEqual(2);
    expect(audits.body.data[0]).toMatchObject({
      eventType: 'com.qlik.v1.app.created',
      source: 'com.qlik/engine',
    });
    const types = await t.call('GET', '/api/v1/audits/types');
    expect(types.body.data).toEqual(
      expect.arrayContaining(['com.qlik.v1.app.created', 'com.qlik.v1.app.reload.finished']),
    );
    const viewer = t.user('auditor', []);
    expect((await t.call('GET', '/api/v1/audits', { key: viewer.key })).status).toBe(403);
  });
});
