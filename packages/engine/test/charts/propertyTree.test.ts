import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, GenericObjectProperties } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';

type Json = Record<string, unknown>;
type Tree = { qProperty: GenericObjectProperties; qChildren: Tree[] };

// A filter pane is a parent with list box children: nebula.js writes it with
// SetFullPropertyTree, and a client copies it by its full property tree.
describe('full property trees with children', () => {
  let fixture: EngineFixture;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    doc = await fixture
      .session()
      .open()
      .then((global) => global.createSessionApp());
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
  });
  afterAll(() => fixture.close());

  const listBox = (field: string, id?: string): Tree => ({
    qProperty: {
      qInfo: { ...(id ? { qId: id } : {}), qType: 'listbox' },
      qListObjectDef: { qDef: { qFieldDefs: [field] } },
      title: field,
    },
    qChildren: [],
  });

  it('creates, keeps, updates and removes children by their ids', async () => {
    const pane = await doc.createSessionObject({ qInfo: { qType: 'filterpane' } });
    await pane.setFullPropertyTree({
      qProperty: {
        qInfo: { qId: pane.id, qType: 'filterpane' },
        title: 'Filters',
        qChildListDef: {},
      },
      qChildren: [listBox('Customer', 'lb-customer'), listBox('Product')],
    });
    const tree = (await pane.getFullPropertyTree()) as unknown as Tree;
    expect(tree.qProperty.title).toBe('Filters');
    expect(tree.qChildren.map((child) => child.qProperty.title)).toEqual(['Customer', 'Product']);
    expect(tree.qChildren[0]!.qProperty.qInfo).toEqual({ qId: 'lb-customer', qType: 'listbox' });
    const layout = (await pane.getLayout()) as Json & { qChildList: { qItems: unknown[] } };
    expect(layout.qChildList.qItems).toHaveLength(2);
    // Keep the first child (new title), drop the second, add a third.
    await pane.setFullPropertyTree({
      qProperty: tree.qProperty,
      qChildren: [
        { ...tree.qChildren[0]!, qProperty: { ...tree.qChildren[0]!.qProperty, title: 'Who' } },
        listBox('Country'),
      ],
    });
    const next = (await pane.getFullPropertyTree()) as unknown as Tree;
    expect(next.qChildren.map((child) => child.qProperty.title)).toEqual(['Who', 'Country']);
    expect(next.qChildren[0]!.qProperty.qInfo).toEqual({ qId: 'lb-customer', qType: 'listbox' });
  });

  it('copies a session object into a stored one through its tree, once the session copy is gone', async () => {
    const pane = await doc.createSessionObject({ qInfo: { qType: 'filterpane' } });
    await pane.setFullPropertyTree({
      qProperty: { qInfo: { qId: pane.id, qType: 'filterpane' } },
      qChildren: [listBox('Customer', 'copied-list'), listBox('Product')],
    });
    const tree = (await pane.getFullPropertyTree()) as unknown as Tree;
    expect(await doc.destroySessionObject(pane.id)).toBe(true);
    const sheet = await doc.createObject({ qInfo: { qId: 'sheet-1', qType: 'sheet' } });
    const stored = await sheet.createChild({ qInfo: { qId: 'pane-1', qType: 'filterpane' } });
    await stored.setFullPropertyTree({
      ...tree,
      qProperty: { ...tree.qProperty, qInfo: { qId: 'pane-1', qType: 'filterpane' } },
    });
    const copied = (await stored.getFullPropertyTree()) as unknown as Tree;
    expect(copied.qChildren.map((child) => child.qProperty.qInfo)).toEqual([
      { qId: 'copied-list', qType: 'listbox' },
      tree.qChildren[1]!.qProperty.qInfo,
    ]);
  });
});
