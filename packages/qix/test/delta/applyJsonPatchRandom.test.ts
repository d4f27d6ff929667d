import { describe, expect, it } from 'vitest';
import { applyJsonPatch, type JsonPatchOperation } from '@qlikit/qix';

type Json = null | number | string | Json[] | { [key: string]: Json };

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(next: () => number, depth: number): Json {
  const kind = Math.floor(next() * (depth > 2 ? 2 : 4));
  if (kind === 0) return Math.floor(next() * 100);
  if (kind === 1) return `t${Math.floor(next() * 10)}`;
  const size = 1 + Math.floor(next() * 3);
  if (kind === 2) return Array.from({ length: size }, () => value(next, depth + 1));
  const object: { [key: string]: Json } = {};
  for (let i = 0; i < size; i++) object[`k${Math.floor(next() * 4)}`] = value(next, depth + 1);
  return object;
}

/** Every path in a document, containers' own paths included (the root is '/'). */
function paths(node: Json, path: string, out: string[]): string[] {
  out.push(path === '' ? '/' : path);
  if (Array.isArray(node)) node.forEach((item, i) => paths(item, `${path}/${i}`, out));
  else if (node !== null && typeof node === 'object')
    for (const key of Object.keys(node)) paths(node[key]!, `${path}/${key}`, out);
  return out;
}

/** The reference: the operation applied in place to a deep copy the test owns. */
function applyInPlace(doc: Json, op: JsonPatchOperation): Json {
  const tokens = (p: string) => (p === '/' || p === '' ? [] : p.split('/').slice(1));
  const parentOf = (root: Json, t: string[]) =>
    t.slice(0, -1).reduce<Json>((node, token) => (node as Record<string, Json>)[token]!, root);
  const get = (root: Json, p: string) =>
    tokens(p).reduce<Json>((node, token) => (node as Record<string, Json>)[token]!, root);
  const put = (root: Json, p: string, kind: 'add' | 'replace' | 'remove', v?: Json): Json => {
    const t = tokens(p);
    if (t.length === 0) return v!;
    const parent = parentOf(root, t);
    if (parent === null || typeof parent !== 'object') throw new Error(`no parent at ${p}`);
    const last = t[t.length - 1]!;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!(index <= (kind === 'add' ? parent.length : parent.length - 1)))
        throw new Error(`no index ${p}`);
      if (kind === 'add') parent.splice(index, 0, v!);
      else if (kind === 'replace') parent[index] = v!;
      else parent.splice(index, 1);
    } else if (kind !== 'add' && !Object.hasOwn(parent, last)) throw new Error(`no member ${p}`);
    else if (kind === 'remove') delete (parent as Record<string, Json>)[last];
    else (parent as Record<string, Json>)[last] = v!;
    return root;
  };
  switch (op.op) {
    case 'add':
    case 'replace':
      return put(doc, op.path, op.op, structuredClone(op.value as Json));
    case 'remove':
      return put(doc, op.path, 'remove');
    case 'copy':
      return put(doc, op.path, 'add', structuredClone(get(doc, op.from)));
    case 'move': {
      const moved = get(doc, op.from);
      return put(put(doc, op.from, 'remove'), op.path, 'add', moved);
    }
    default:
      return doc;
  }
}

/** A random operation that applies to `doc` (paths picked among the ones it has). */
function operation(next: () => number, doc: Json): JsonPatchOperation {
  const all = paths(doc, '', []);
  const inner = all.filter((p) => p !== '/');
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const kind = next();
  if (inner.length === 0 || kind < 0.45) {
    const target = inner.length === 0 ? '/' : pick(inner);
    return { op: 'replace', path: target, value: value(next, 2) };
  }
  const target = pick(inner);
  const parentPath = target.slice(0, target.lastIndexOf('/')) || '/';
  const parent = all.includes(parentPath) ? parentPath : '/';
  if (kind < 0.65) return { op: 'remove', path: target };
  // A new member beside `target`: an index into its array, or a fresh key of its object.
  const isArrayMember = /\/\d+$/.test(target);
  const base = parent === '/' ? '' : parent;
  const sibling = isArrayMember ? target : `${base}/n${Math.floor(next() * 3)}`;
  if (kind < 0.8) return { op: 'add', path: sibling, value: value(next, 2) };
  const source = pick(inner);
  // copy/move into a place that is not inside the moved value.
  if (sibling.startsWith(`${source}/`) || sibling === source)
    return { op: 'add', path: sibling, value: 1 };
  return kind < 0.9
    ? { op: 'copy', from: source, path: sibling }
    : { op: 'move', from: source, path: sibling };
}

describe('applyJsonPatch, random patches', () => {
  it('agrees with the operations applied to a deep copy, and never changes an earlier value', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      let doc: Json = { a: value(next, 0), b: [value(next, 1), value(next, 1)], c: value(next, 0) };
      let reference: Json = structuredClone(doc);
      for (let step = 0; step < 4; step++) {
        const ops: JsonPatchOperation[] = [];
        const count = 1 + Math.floor(next() * 8);
        let expected: Json = structuredClone(reference);
        while (ops.length < count) {
          const op = operation(next, expected);
          // A move whose removal shifts or takes the target's parent has no place to go: drawn again.
          let applied: Json;
          try {
            applied = applyInPlace(structuredClone(expected), op);
          } catch {
            continue;
          }
          ops.push(op);
          expected = applied;
        }
        const before = structuredClone(doc);
        const patched = applyJsonPatch(doc, ops) as Json;
        expect(patched, `seed ${seed} step ${step}: ${JSON.stringify(ops)}`).toEqual(expected);
        expect(doc, `seed ${seed} step ${step}: the earlier value changed`).toEqual(before);
        doc = patched;
        reference = expected;
      }
    }
  });
});
