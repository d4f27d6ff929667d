import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions } from './helpers/clients.js';
import { reloadedSessionApp, startFixture, type EngineFixture } from './helpers/engineFixture.js';

type Json = Record<string, unknown>;

describe.each(CLIENTS)(
  'functions, grammar and expression checks through %s',
  (clientName, open) => {
    let fixture: EngineFixture;
    let global: Global;
    let doc: Doc;

    beforeAll(async () => {
      fixture = await startFixture();
      global = await open(fixture, `${clientName}-catalog`);
      doc = await reloadedSessionApp(global);
    });
    afterAll(async () => {
      await closeEnigmaSessions();
      await fixture.close();
    });

    it('GetFunctions lists the functions of a group with their syntax', async () => {
      const ranges = (await global.getFunctions('RNG')) as unknown as Json[];
      expect(ranges).toContainEqual({
        qName: 'RangeSum',
        qGroup: 'RNG',
        qSignature: 'RangeSum(first_expr [, Expression])',
      });
      expect(ranges.every((f) => f.qGroup === 'RNG')).toBe(true);
      const all = (await global.getFunctions()) as unknown as Json[];
      expect(all.length).toBeGreaterThan(300);
      expect(all).toContainEqual(expect.objectContaining({ qName: 'Above', qGroup: 'RCRD' }));
    });

    it('GetBaseBNF, GetBaseBNFHash and GetBaseBNFString agree', async () => {
      const base = (await global.getBaseBNF('E')) as unknown as {
        qBnfDefs: Json[];
        qBnfHash: string;
      };
      const hash = (await global.getBaseBNFHash('E')) as unknown as string;
      const text = (await global.getBaseBNFString('E')) as unknown as {
        qBnfStr: string;
        qBnfHash: string;
      };
      expect(base.qBnfHash).toBe(hash);
      expect(text.qBnfHash).toBe(hash);
      expect(text.qBnfStr).toContain('Sum_call ::= "Sum" "(" argument_list ")"');
      expect(base.qBnfDefs.find((def) => def.qName === 'Sum')).toMatchObject({
        qAggrFunc: true,
        qFG: 'AGGR',
      });
      expect(await global.getBaseBNFHash('S')).not.toBe(hash);
    });

    it('CheckExpression reports a field the app does not have', async () => {
      const bad = (await doc.checkExpression('Sum(NoSuchField)')) as unknown as Json;
      expect(bad).toEqual({
        qErrorMsg: '',
        qBadFieldNames: [{ qFrom: 4, qCount: 11 }],
        qDangerousFieldNames: [],
      });
      const good = (await doc.checkExpression(
        'Sum(Amount) / Count(DISTINCT Customer)',
      )) as unknown as Json;
      expect(good).toEqual({ qErrorMsg: '', qBadFieldNames: [], qDangerousFieldNames: [] });
      const broken = (await doc.checkExpression('Sum(Amount')) as unknown as Json;
      expect(broken.qErrorMsg).not.toBe('');
    });

    it('CheckNumberOrExpression takes numbers as they are and checks anything else', async () => {
      expect(await doc.checkNumberOrExpression('1,234.5')).toEqual({
        qErrorMsg: '',
        qBadFieldNames: [],
      });
      expect(await doc.checkNumberOrExpression('Sum(Nope)')).toEqual({
        qErrorMsg: '',
        qBadFieldNames: [{ qFrom: 4, qCount: 4 }],
      });
    });
  },
);
