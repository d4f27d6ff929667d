import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_ROWS, openBystander, type Bystander } from './helpers/bystander.js';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';
import { runSpecFuzz } from './helpers/specFuzzer.js';

// The spec's methods on live handles of every class, with mutated parameters, while another
// user's chart keeps computing. Seeded: a failure replays with the same seed.
const SEED = 20261205;
const REQUESTS = 5000;

let fixture: EngineFixture;
const bugs: unknown[] = [];
let bystander: Bystander;

beforeAll(async () => {
  fixture = await startFixture({ onInternalError: (error) => bugs.push(error) });
  bystander = await openBystander(fixture.engine.url);
});
afterAll(async () => {
  await bystander.close();
  await fixture.close();
});

describe('fuzzing with the spec', () => {
  it(`answers ${REQUESTS} mutated requests on every class of handle without an internal error or another session noticing`, async () => {
    const checkpoints: string[][][] = [];
    const report = await runSpecFuzz(fixture.engine.url, {
      seed: SEED,
      requests: REQUESTS,
      checkpoint: async () => {
        checkpoints.push(await bystander.rows());
      },
    });
    expect(report.internal).toEqual([]);
    expect(bugs).toEqual([]);
    expect(report.hangs).toEqual([]);
    expect(report.errors + report.results + report.hangs.length).toBe(REQUESTS);
    // Both kinds of answer occur: the mutations are refused, the valid requests compute.
    expect(report.results).toBeGreaterThan(REQUESTS / 10);
    expect(report.errors).toBeGreaterThan(REQUESTS / 10);
    // Every class was reached, and most methods of the spec.
    const classes = new Set([...report.reached.keys()].map((key) => key.split('.')[0]));
    expect([...classes].sort()).toEqual([
      'Doc',
      'Field',
      'GenericBookmark',
      'GenericDimension',
      'GenericMeasure',
      'GenericObject',
      'GenericVariable',
      'Global',
      'Variable',
    ]);
    expect(report.reached.size).toBeGreaterThan(300);
    expect(checkpoints.length).toBe(REQUESTS / 250);
    for (const rows of checkpoints) expect(rows).toEqual(BYSTANDER_ROWS);
    expect(({} as Record<string, unknown>).qStateName).toBeUndefined();
  }, 120_000);

  it('answers four sessions fuzzing one stored app at once (saves, reloads, deletes) without an internal error', async () => {
    const { qAppId } = await (
      await fixture.session('/app/engineData/identity/owner').open()
    ).createApp('Fuzzed together');
    const reports = await Promise.all(
      [201, 202, 203, 204].map((seed) =>
        runSpecFuzz(fixture.engine.url, { seed, requests: 750, appId: qAppId }),
      ),
    );
    for (const report of reports) {
      expect(report.internal).toEqual([]);
      expect(report.hangs).toEqual([]);
    }
    expect(bugs).toEqual([]);
    expect(await bystander.rows()).toEqual(BYSTANDER_ROWS);
  }, 120_000);
});
