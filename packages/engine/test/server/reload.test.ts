import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(() => fixture.close());

// Long enough that the test can talk to the engine while it runs; it is cancelled, never finished.
const LONG_SCRIPT = 'Big: LOAD RecNo() AS N, Mod(RecNo(), 7) AS M AUTOGENERATE 200000000;';

describe('reloads', () => {
  it('keeps answering during a reload, reports progress, and cancels it keeping the old data', async () => {
    const raw = await fixture.raw('/app/engineData/identity/long-reload');
    await raw.next();
    const doc = (
      (await raw.call({ handle: -1, method: 'CreateSessionApp' })).result as {
        qReturn: { qHandle: number };
      }
    ).qReturn.qHandle;
    await raw.call({ handle: doc, method: 'SetScript', params: ['T: LOAD * INLINE [A\n1\n2];'] });
    expect((await raw.call({ handle: doc, method: 'DoReload' })).result).toEqual({ qReturn: true });
    await raw.call({ handle: doc, method: 'SetScript', params: [LONG_SCRIPT] });

    const reload = raw.call({ id: 500, handle: doc, method: 'DoReload', params: [] });
    // The engine answers other calls while the reload runs.
    const version = await raw.call({ handle: -1, method: 'EngineVersion' });
    expect(version).toHaveProperty('result');
    let progress: Record<string, unknown> = {};
    for (
      let attempt = 0;
      attempt < 200 && !String(progress.qPersistentProgress ?? '').includes('Big');
      attempt++
    ) {
      progress = (
        (await raw.call({ handle: -1, method: 'GetProgress', params: [500] })).result as {
          qProgressData: Record<string, unknown>;
        }
      ).qProgressData;
    }
    expect(progress).toMatchObject({ qStarted: true, qFinished: false });
    expect(await raw.call({ handle: doc, method: 'DoReload' })).toMatchObject({
      error: { code: 11000 },
    });

    await raw.call({ handle: -1, method: 'CancelReload', params: [] });
    expect((await reload).result).toEqual({ qReturn: false });
    const done = (
      (await raw.call({ handle: -1, method: 'GetProgress', params: [500] })).result as {
        qProgressData: Record<string, unknown>;
      }
    ).qProgressData;
    expect(done).toMatchObject({ qFinished: true });
    expect(
      (await raw.call({ handle: doc, method: 'Evaluate', params: ['Sum(A)'] })).result,
    ).toEqual({ qReturn: '3' });
    await raw.close();
  });

  it('aborts a reload when the client cancels its request', async () => {
    const raw = await fixture.raw('/app/engineData/identity/cancel-request');
    await raw.next();
    const doc = (
      (await raw.call({ handle: -1, method: 'CreateSessionApp' })).result as {
        qReturn: { qHandle: number };
      }
    ).qReturn.qHandle;
    await raw.call({ handle: doc, method: 'SetScript', params: [LONG_SCRIPT] });
    const reload = raw.call({ id: 77, handle: doc, method: 'DoReload' });
    await raw.call({ handle: -1, method: 'EngineVersion' });
    await raw.call({ handle: -1, method: 'CancelRequest', params: [77] });
    expect(await reload).toMatchObject({ error: { code: 15 } });
    await raw.close();
  });
});
