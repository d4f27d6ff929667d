import { describe, expect, it } from 'vitest';
import { applyJsonPatch, errorCodes, type JsonPatchOperation } from '@qlikit/qix';

const patch = (doc: unknown, ops: JsonPatchOperation[]) => applyJsonPatch(doc, ops);

describe('applyJsonPatch (RFC 6902)', () => {
  it('adds object members and array elements, "-" appends', () => {
    expect(patch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({
      foo: 'bar',
      baz: 'qux',
    });
    expect(patch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      foo: ['bar', 'qux', 'baz'],
    });
    expect(patch({ foo: [1] }, [{ op: 'add', path: '/foo/-', value: 2 }])).toEqual({ foo: [1, 2] });
  });

  it('removes and replaces', () => {
    expect(patch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({
      foo: 'bar',
    });
    expect(patch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({
      foo: ['bar', 'baz'],
    });
    expect(
      patch({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }]),
    ).toEqual({
      baz: 'boo',
      foo: 'bar',
    });
  });

  it('moves and copies', () => {
    const doc = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
    expect(patch(doc, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }])).toEqual({
      foo: { bar: 'baz' },
      qux: { corge: 'grault', thud: 'fred' },
    });
    expect(
      patch({ foo: ['all', 'grass', 'cows', 'eat'] }, [
        { op: 'move', from: '/foo/1', path: '/foo/3' },
      ]),
    ).toEqual({
      foo: ['all', 'cows', 'eat', 'grass'],
    });
    const copied = patch({ a: { b: [1] } }, [
      { op: 'copy', from: '/a', path: '/c' },
      { op: 'add', path: '/c/b/-', value: 2 },
    ]) as { a: { b: number[] }; c: { b: number[] } };
    expect(copied).toEqual({ a: { b: [1] }, c: { b: [1, 2] } });
  });

  it('tests values structurally and fails with PATCH_TEST_FAILED', () => {
    const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
    expect(patch(doc, [{ op: 'test', path: '/foo', value: ['a', 2, 'c'] }])).toBe(doc);
    expect(() => patch(doc, [{ op: 'test', path: '/baz', value: 'bar' }])).toThrow(
      expect.objectContaining({ code: errorCodes.PATCH_TEST_FAILED }),
    );
  });

  it('unescapes ~1 to / and ~0 to ~ (in that order)', () => {
    const doc = { 'a/b': 1, 'm~n': 2, '~1': 3 };
    expect(
      patch(doc, [
        { op: 'replace', path: '/a~1b', value: 10 },
        { op: 'replace', path: '/m~0n', value: 20 },
        { op: 'replace', path: '/~01', value: 30 },
      ]),
    ).toEqual({ 'a/b': 10, 'm~n': 20, '~1': 30 });
  });

  it('treats "/" (the engine root) and "" as the whole document', () => {
    expect(patch(undefined, [{ op: 'add', path: '/', value: { a: 1 } }])).toEqual({ a: 1 });
    expect(patch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }])).toEqual([1]);
  });

  it('never changes the input and shares untouched subtrees', () => {
    const doc = { page: { rows: [[1], [2]] }, other: { big: true } };
    const snapshot = JSON.parse(JSON.stringify(doc));
    const next = patch(doc, [{ op: 'replace', path: '/page/rows/1/0', value: 9 }]) as typeof doc;
    expect(doc).toEqual(snapshot);
    expect(next.page.rows).toEqual([[1], [9]]);
    expect(next.other).toBe(doc.other);
    expect(next.page.rows[0]).toBe(doc.page.rows[0]);
  });

  it('rejects paths without a parent with PATCH_HAS_NO_PARENT', () => {
    expect(() => patch({}, [{ op: 'add', path: '/a/b', value: 1 }])).toThrow(
      expect.objectContaining({ code: errorCodes.PATCH_HAS_NO_PARENT }),
    );
    expect(() => patch({ a: [] }, [{ op: 'replace', path: '/a/0', value: 1 }])).toThrow(
      expect.objectContaining({ code: errorCodes.PATCH_HAS_NO_PARENT }),
    );
  });

  it('stores "__proto__" as data, never as the prototype', () => {
    const next = patch({}, [
      { op: 'add', path: '/__proto__', value: { polluted: true } },
    ]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never walks a path into a prototype: __proto__, constructor and prototype are only own data', () => {
    const paths = [
      '/__proto__/polluted',
      '/constructor/prototype/polluted',
      '/a/__proto__/polluted',
    ];
    for (const path of paths) {
      expect(() => patch({ a: {} }, [{ op: 'add', path, value: true }])).toThrow(
        expect.objectContaining({ code: errorCodes.PATCH_HAS_NO_PARENT }),
      );
    }
    expect(() => patch({}, [{ op: 'copy', from: '/constructor/prototype', path: '/x' }])).toThrow(
      expect.objectContaining({ code: errorCodes.PATCH_HAS_NO_PARENT }),
    );
    expect(() => patch({}, [{ op: 'remove', path: '/constructor' }])).toThrow(
      expect.objectContaining({ code: errorCodes.PATCH_HAS_NO_PARENT }),
    );
    // A document whose own data has these keys patches like any other.
    const own = JSON.parse('{"__proto__":{"a":1},"constructor":{"prototype":{}}}') as object;
    const next = patch(own, [
      { op: 'replace', path: '/__proto__/a', value: 2 },
      { op: 'add', path: '/constructor/prototype/b', value: 3 },
    ]) as Record<string, Record<string, unknown>>;
    expect(Object.getOwnPropertyDescriptor(next, '__proto__')?.value).toEqual({ a: 2 });
    expect(next.constructor).toEqual({ prototype: { b: 3 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).b).toBeUndefined();
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
  });

  it('copies written containers as plain objects holding only the own members of their source', () => {
    const source = Object.assign(Object.create({ inherited: 1 }) as object, {
      own: { x: 1, y: [1, 2] },
    });
    const next = patch(source, [{ op: 'replace', path: '/own/x', value: 2 }]) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(next)).toEqual(['own']);
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(next.constructor).toBe(Object);
    expect(Object.getPrototypeOf(next.own)).toBe(Object.prototype);
    expect(next.own).toEqual({ x: 2, y: [1, 2] });
    expect(next.own!.y).toBe((source as { own: { y: unknown } }).own.y);
  });

  it('gives the same results when a caller passes the same scratch chain to every call', () => {
    const chain: NonNullable<Parameters<typeof applyJsonPatch>[2]> = [];
    const first = { a: { b: { c: 1 }, d: 1 } };
    const second = { a: { b: { c: 10 }, d: 10 }, e: { f: 1 } };
    const ops: JsonPatchOperation[] = [
      { op: 'replace', path: '/a/b/c', value: 2 },
      { op: 'replace', path: '/a/d', value: 2 },
    ];
    const one = applyJsonPatch(first, ops, chain);
    // The same paths on another document: nothing the first call left in the chain is written.
    const two = applyJsonPatch(second, [...ops, { op: 'add', path: '/e/g', value: 3 }], chain);
    expect(one).toEqual({ a: { b: { c: 2 }, d: 2 } });
    expect(two).toEqual({ a: { b: { c: 2 }, d: 2 }, e: { f: 1, g: 3 } });
    expect(first).toEqual({ a: { b: { c: 1 }, d: 1 } });
    expect(second).toEqual({ a: { b: { c: 10 }, d: 10 }, e: { f: 1 } });
  });
});
