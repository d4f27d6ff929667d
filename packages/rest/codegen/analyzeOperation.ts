import { CodegenError } from './CodegenError.js';
import type {
  HttpMethodKey,
  OperationObject,
  Parameter,
  PathItem,
  RequestBody,
  Response,
  Schema,
} from './OpenApi.js';
import type { RefResolver } from './RefResolver.js';

/** How a request body goes on the wire; mirrors `Operation['body']`. */
export type BodyKind = 'json' | 'binary' | 'multipart' | 'form' | 'text';
/** How a success response is read; mirrors `Operation['response']`. */
export type ResponseKind = 'json' | 'binary' | 'text' | 'empty';

/** What the generator needs to know of one operation, with every `$ref` of its envelope followed. */
export interface OperationFacts {
  readonly method: HttpMethodKey;
  readonly path: string;
  readonly spec: OperationObject;
  readonly parameters: readonly Parameter[];
  readonly body?: {
    readonly kind: BodyKind;
    readonly schema?: Schema;
    readonly required: boolean;
    readonly description?: string;
  };
  readonly response: { readonly kind: ResponseKind; readonly schema?: Schema };
  /** Schema of one item when the response is a list (`data` array or a bare array). */
  readonly itemSchema?: Schema;
  readonly paging?: 'links' | 'cursor';
  readonly cursorParam?: string;
  readonly tier: string;
  readonly limit: number;
}

const CURSOR_PARAMS = ['next', 'cursor'];

/** Headers the client itself sets (auth, body framing), so they never become arguments. */
const CLIENT_HEADERS = new Set(['authorization', 'content-type', 'content-length']);

/** Collects the facts of the operation `method` on `path` of a spec file (whose `paths` resolve redirects). */
export function analyzeOperation(
  resolver: RefResolver,
  fileName: string,
  path: string,
  method: HttpMethodKey,
  item: PathItem,
  paths: Readonly<Record<string, PathItem>> = {},
): OperationFacts {
  const spec = item[method] as OperationObject;
  const tier = spec['x-qlik-tier'];
  if (!tier || typeof tier.limit !== 'number') {
    throw new CodegenError(
      'SPEC_INVALID',
      `${fileName}: ${method.toUpperCase()} ${path} has no x-qlik-tier`,
    );
  }
  const parameters = mergeParameters(
    resolver,
    fileName,
    item.parameters ?? [],
    spec.parameters ?? [],
  );
  const response = successResponse(
    resolver,
    fileName,
    redirectTarget(path, method, spec, paths)?.responses ?? spec.responses ?? {},
  );
  const listShape = response.schema ? listShapeOf(resolver, fileName, response.schema) : undefined;
  const queryNames = parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => parameter.name);
  const paging = method === 'get' && listShape ? pagingOf(listShape, queryNames) : undefined;
  return {
    method,
    path,
    spec,
    parameters,
    body: spec.requestBody ? requestBodyOf(resolver, fileName, spec.requestBody) : undefined,
    response,
    itemSchema: listShape?.item,
    paging: paging?.kind,
    cursorParam: paging?.cursorParam,
    tier: /^[0-9]+$/.test(String(tier.tier)) ? `tier${tier.tier}` : String(tier.tier),
    limit: tier.limit,
  };
}

/** Path-level parameters overridden by operation-level ones of the same name and place. */
function mergeParameters(
  resolver: RefResolver,
  fileName: string,
  shared: readonly Parameter[],
  own: readonly Parameter[],
): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const parameter of [...shared, ...own]) {
    const resolved = resolver.deref(fileName, parameter).value;
    if (resolved.in === 'cookie') continue;
    if (resolved.in === 'header' && CLIENT_HEADERS.has(resolved.name.toLowerCase())) continue;
    byKey.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return [...byKey.values()];
}

/**
 * The GET a redirect-only GET leads to: `/users/me` answers 301 to
 * `/users/{userId}`, which fetch follows, so the caller receives that
 * operation's answer. The target is the sibling path with one parameter.
 */
function redirectTarget(
  path: string,
  method: HttpMethodKey,
  spec: OperationObject,
  paths: Readonly<Record<string, PathItem>>,
): OperationObject | undefined {
  const codes = Object.keys(spec.responses ?? {});
  if (method !== 'get' || codes.some((code) => code.startsWith('2'))) return undefined;
  if (!codes.some((code) => /^30[1278]$/.test(code))) return undefined;
  const parent = path.slice(0, path.lastIndexOf('/'));
  const sibling = Object.keys(paths).find((candidate) =>
    new RegExp(`^${escapeRegExp(parent)}/\\{[^/}]+\\}$`).test(candidate),
  );
  return sibling ? paths[sibling]?.get : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function successResponse(
  resolver: RefResolver,
  fileName: string,
  responses: Readonly<Record<string, Response>>,
): OperationFacts['response'] {
  const codes = Object.keys(responses)
    .filter((code) => /^2[0-9X]{2}$/i.test(code))
    .sort();
  const resolved = codes.map((code) => resolver.deref(fileName, responses[code]).value);
  const withContent = resolved.find((response) => Object.keys(response.content ?? {}).length > 0);
  if (!withContent) return { kind: 'empty' };
  const content = withContent.content ?? {};
  const json = Object.keys(content).find(isJsonType);
  if (json) return { kind: 'json', schema: content[json].schema };
  if (Object.keys(content).some((type) => /^text\/(plain|markdown|html)/.test(type)))
    return { kind: 'text' };
  return { kind: 'binary' };
}

function requestBodyOf(
  resolver: RefResolver,
  fileName: string,
  body: RequestBody,
): OperationFacts['body'] {
  const resolved = resolver.deref(fileName, body).value;
  const content = resolved.content ?? {};
  const types = Object.keys(content);
  const pick = (kind: BodyKind, type: string) => ({
    kind,
    schema: content[type].schema,
    required: resolved.required === true,
    description: resolved.description,
  });
  const json = types.find(isJsonType);
  if (json) return pick('json', json);
  const multipart = types.find((type) => type.startsWith('multipart/'));
  if (multipart) return pick('multipart', multipart);
  const form = types.find((type) => type === 'application/x-www-form-urlencoded');
  if (form) return pick('form', form);
  const text = types.find((type) => type.startsWith('text/'));
  if (text) return pick('text', text);
  const any = types.find((type) => type === '*/*');
  if (any && !isBinarySchema(resolver, fileName, content[any].schema)) return pick('json', any);
  return pick('binary', types[0] ?? 'application/octet-stream');
}

function isJsonType(type: string): boolean {
  return (
    /^application\/([a-z.-]+\+)?json(\+[a-z]+)?$/.test(type) ||
    type === 'application/json-patch+json'
  );
}

function isBinarySchema(
  resolver: RefResolver,
  fileName: string,
  schema: Schema | undefined,
): boolean {
  if (!schema) return true;
  const resolved = resolver.deref(fileName, schema).value;
  return resolved.type === 'string';
}

interface ListShape {
  readonly item: Schema;
  readonly hasLinks: boolean;
  readonly linksHaveNext: boolean;
}

/** Whether a response is a list: an object with a `data` array, or a bare array. */
function listShapeOf(
  resolver: RefResolver,
  fileName: string,
  schema: Schema,
): ListShape | undefined {
  const resolved = resolver.deref(fileName, schema).value;
  if (resolved.type === 'array' && resolved.items)
    return { item: resolved.items, hasLinks: false, linksHaveNext: false };
  const properties = objectProperties(resolver, fileName, resolved);
  const data = properties.data ? resolver.deref(fileName, properties.data).value : undefined;
  if (!data || data.type !== 'array' || !data.items) return undefined;
  const links = properties.links
    ? objectProperties(resolver, fileName, properties.links)
    : undefined;
  return {
    item: data.items,
    hasLinks: links !== undefined,
    linksHaveNext: links?.next !== undefined,
  };
}

/** The properties of an object schema, merging `allOf` parts and taking the first `oneOf`/`anyOf` branch. */
function objectProperties(
  resolver: RefResolver,
  fileName: string,
  schema: Schema,
): Record<string, Schema> {
  const resolved = resolver.deref(fileName, schema).value;
  const merged: Record<string, Schema> = {};
  for (const part of resolved.allOf ?? [])
    Object.assign(merged, objectProperties(resolver, fileName, part));
  const branch = resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
  if (branch) Object.assign(merged, objectProperties(resolver, fileName, branch));
  Object.assign(merged, resolved.properties ?? {});
  return merged;
}

/**
 * Paging from the response shape: a `links` object (with `next`, or with a `next`
 * query parameter the spec's links schema forgot) pages by links; otherwise a
 * `next`/`cursor` query parameter pages by cursor.
 */
function pagingOf(
  shape: ListShape,
  queryNames: readonly string[],
): { kind: 'links' | 'cursor'; cursorParam?: string } | undefined {
  const cursor = CURSOR_PARAMS.find((name) => queryNames.includes(name));
  if (shape.linksHaveNext || (shape.hasLinks && cursor !== undefined)) return { kind: 'links' };
  if (cursor !== undefined) return { kind: 'cursor', cursorParam: cursor };
  return undefined;
}
