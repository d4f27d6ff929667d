import { CodegenError } from './CodegenError.js';
import type { OpenApiDocument } from './OpenApi.js';
import type { SpecFile } from './loadSpecs.js';

/** A `$ref` split into the file it points into (empty for the same file) and its JSON pointer. */
export interface RefTarget {
  readonly fileName: string;
  readonly pointer: readonly string[];
}

/** Follows `$ref`s within one spec file and across the sibling spec files. */
export class RefResolver {
  readonly #specs: ReadonlyMap<string, OpenApiDocument>;

  constructor(specs: readonly SpecFile[]) {
    this.#specs = new Map(specs.map((spec) => [spec.fileName, spec.document]));
  }

  /** Follows `value`'s `$ref` chain (if any) from `fileName`, returning the target and the file it lives in. */
  deref<T extends object>(fileName: string, value: T): { value: T; fileName: string } {
    let current: object = value;
    let file = fileName;
    for (let hops = 0; hasRef(current); hops++) {
      if (hops > 32)
        throw new CodegenError('REF_UNRESOLVED', `$ref cycle at ${current.$ref} in ${fileName}`);
      const target = parseRef(current.$ref);
      file = target.fileName || file;
      current = this.lookup(file, target.pointer, current.$ref);
    }
    return { value: current as T, fileName: file };
  }

  /** The value a JSON pointer designates in a spec file. */
  lookup(fileName: string, pointer: readonly string[], ref = pointer.join('/')): object {
    const document = this.#specs.get(fileName);
    if (!document)
      throw new CodegenError('REF_UNRESOLVED', `$ref ${ref} points into unknown file ${fileName}`);
    let node: unknown = document;
    for (const key of pointer) {
      node =
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof node !== 'object' || node === null) {
      throw new CodegenError('REF_UNRESOLVED', `$ref ${ref} does not resolve in ${fileName}`);
    }
    return node;
  }
}

/** Splits `other.json#/components/schemas/A~1B` into its file and unescaped pointer segments. */
export function parseRef(ref: string): RefTarget {
  const hash = ref.indexOf('#');
  const fileName = (hash < 0 ? ref : ref.slice(0, hash)).replace(/^\.\//, '');
  const pointer = hash < 0 ? '' : ref.slice(hash + 1);
  const segments = pointer
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  return { fileName, pointer: segments };
}

function hasRef(value: object): value is { $ref: string } {
  return typeof (value as { $ref?: unknown }).$ref === 'string';
}
