import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One operation as `@qlikit/rest`'s generated services describe it (the fields the tenant reads). */
export interface RestOperation {
  /** The client's function name (`createApp`, `listItems`), which its `<Name>Args`/`<Name>Result` types follow. */
  readonly name: string;
  /** Whether the client declares a `<Name>Result` type (it does not for empty and binary answers). */
  readonly hasResultType: boolean;
  /** The spec's operationId (`items#listItems`), or the name when the spec has none. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  readonly path: string;
  readonly body?: 'json' | 'binary' | 'multipart' | 'form' | 'text';
  readonly response: 'json' | 'binary' | 'text' | 'empty';
  readonly tier: string;
  readonly limit: number;
}

/** The operations of one service, in the order `@qlikit/rest` lists them. */
export interface RestService {
  readonly service: string;
  readonly operations: readonly RestOperation[];
}

/**
 * Reads every service module `@qlikit/rest` generated from the same specs, so
 * that the tenant's operation ids, tiers and argument types are the client's
 * own — one registry of operations, not a second naming of them.
 */
export async function loadRestOperations(restServicesDir: string): Promise<RestService[]> {
  const services: RestService[] = [];
  const names = readdirSync(restServicesDir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => basename(name, '.ts'))
    .sort();
  for (const service of names) {
    const module = (await import(join(restServicesDir, `${service}.ts`))) as Record<
      string,
      unknown
    >;
    const table = Object.entries(module).find(([name]) => name.endsWith('Operations'))?.[1];
    if (!table) throw new Error(`${service}: no *Operations table in @qlikit/rest's module`);
    const source = readFileSync(join(restServicesDir, `${service}.ts`), 'utf8');
    const names = functionNames(source);
    const operations = Object.values(
      table as Record<string, Omit<RestOperation, 'name' | 'hasResultType'>>,
    ).map((operation) => {
      const name = names.get(`${operation.method} ${operation.path}`);
      if (!name)
        throw new Error(`${service}: no function for ${operation.method} ${operation.path}`);
      const resultType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Result`;
      const hasResultType = new RegExp(`export (type|interface) ${resultType}\\b`).test(source);
      return { ...operation, name, hasResultType };
    });
    services.push({ service, operations });
  }
  return services;
}

/** `METHOD path` → the function name, read from the module's `export const <name>Operation` declarations. */
function functionNames(source: string): Map<string, string> {
  const names = new Map<string, string>();
  const declaration =
    /export const (\w+)Operation: Operation = \{\s*id: "[^"]*",\s*method: "(\w+)",\s*path: "([^"]+)"/g;
  for (const match of source.matchAll(declaration)) {
    const key = `${match[2]} ${match[3]}`;
    if (!names.has(key)) names.set(key, match[1]!);
  }
  return names;
}
