import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';

describe('TAG and UNTAG reach the data model', () => {
  let fixture: EngineFixture;

  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(() => fixture.close());

  it('a field shows the tags the script gave it, beside the ones Qlik derives', async () => {
    const global = await fixture.session('/app/engineData/identity/tags').open();
    const doc = await global.createSessionApp();
    await doc.setScript(`
      T: LOAD RecNo() as n, 'x' & RecNo() as s AUTOGENERATE 3;
      TAG FIELD n WITH 'measureLike', '$dimension';
      TAG FIELD s WITH 'gone';
      UNTAG FIELD s WITH 'gone';`);
    expect(await doc.doReload()).toBe(true);
    const n = await doc.getFieldDescription('n');
    expect(n.qTags).toEqual(
      expect.arrayContaining(['$numeric', '$integer', 'measureLike', '$dimension']),
    );
    const s = await doc.getFieldDescription('s');
    expect(s.qTags).not.toContain('gone');
    expect(s.qTags).toContain('$text');
  });
});
