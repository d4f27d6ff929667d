import type { JsonSchema, OpenRpcSpec } from './OpenRpcSpec.js';
import { refName } from './refName.js';

/** Where each struct can travel: sent by callers, returned by the engine, part of a properties/layout tree. */
export interface StructGraph {
  /** Structs reachable from some method's In params. */
  readonly sent: ReadonlySet<string>;
  /** Structs reachable from some method's result. */
  readonly returned: ReadonlySet<string>;
  /** Structs reachable from a *Properties, *Layout or *Entry struct: free JSON trees users extend. */
  readonly tree: ReadonlySet<string>;
}

const TREE_ROOT = /(?:Properties|Layout|Entry)$/;

/** Struct names referenced anywhere inside a schema node (properties, items, dynamic properties). */
export function referencedStructs(schema: JsonSchema): string[] {
  const found: string[] = [];
  if (schema.$ref) found.push(refName(schema.$ref));
  if (schema.items) found.push(...referencedStructs(schema.items));
  for (const prop of Object.values(schema.properties ?? {})) found.push(...referencedStructs(prop));
  for (const dyn of schema.additionalProperties?.anyOf ?? [])
    found.push(...referencedStructs(dyn.schema));
  return found;
}

function closure(
  roots: Iterable<string>,
  schemas: Readonly<Record<string, JsonSchema>>,
): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const schema = schemas[name];
    if (schema) pending.push(...referencedStructs(schema));
  }
  return seen;
}

/** Computes which structs are sent, returned, or part of an open properties/layout tree. */
export function buildStructGraph(spec: OpenRpcSpec): StructGraph {
  const schemas = spec.components.schemas;
  const paramRoots = spec.methods.flatMap((m) =>
    m.params.flatMap((p) => referencedStructs(p.schema)),
  );
  const resultRoots = spec.methods.flatMap((m) => referencedStructs(m.result.schema));
  const treeRoots = Object.keys(schemas).filter(
    (name) => TREE_ROOT.test(name) && schemas[name]?.type === 'object',
  );
  return {
    sent: closure(paramRoots, schemas),
    returned: closure(resultRoots, schemas),
    tree: closure(treeRoots, schemas),
  };
}
