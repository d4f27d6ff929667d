import type { RestOperation } from './loadRestOperations.js';
import type {
  SpecDocument,
  SpecOperationObject,
  SpecParameter,
  SpecSchema,
} from './SpecDocument.js';
import { toJsonSchema } from './toJsonSchema.js';

/** Fastify's request schemas of one operation. */
export interface RequestSchemas {
  params?: Record<string, unknown>;
  querystring?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** One service's request schemas: the component schemas they reach, and each operation's. */
export interface ServiceSchemas {
  readonly definitions: Record<string, unknown>;
  readonly requests: Record<string, RequestSchemas>;
}

const SCHEMA_REF = '#/components/schemas/';
const JSON_TYPES = ['application/json', '*/*', 'application/x-www-form-urlencoded'];

/** Query parameters a spec marks required while its own text lets a caller leave them out. */
const OPTIONAL_QUERY: Record<string, readonly string[]> = {
  // "TenantAdmin users may omit this parameter to list all reload history in the tenant."
  'reloads.listReloads': ['appId'],
};

/**
 * Builds the request schemas of a service's operations from its spec: path
 * parameters, query parameters and JSON bodies. Component schemas become
 * `definitions` of one shared schema whose `$id` is the service name, and
 * only those a request reaches are kept.
 */
export function buildSchemas(
  service: string,
  spec: SpecDocument,
  operations: readonly RestOperation[],
): ServiceSchemas {
  const components = spec.components?.schemas ?? {};
  const reached = new Set<string>();
  const ref = (value: string) => {
    if (!value.startsWith(SCHEMA_REF)) throw new Error(`${service}: unsupported $ref ${value}`);
    // A ref may point inside a component (`Role/properties/id`): keep the component, point into it.
    const pointer = value.slice(SCHEMA_REF.length);
    reached.add(pointer.split('/')[0]!);
    return `${service}#/definitions/${pointer}`;
  };
  const requests: Record<string, RequestSchemas> = {};
  for (const operation of operations) {
    if (requests[operation.name]) continue;
    const object = findOperation(spec, operation);
    const parameters = resolveParameters(spec, operation.path, object);
    const request: RequestSchemas = {};
    const path = parameters.filter((p) => p.in === 'path');
    const query = parameters.filter((p) => p.in === 'query');
    if (path.length > 0) request.params = objectOf(path, { ref });
    if (query.length > 0)
      request.querystring = objectOf(
        query.map((p) =>
          loosen(spec, {
            ...p,
            required:
              p.required && !OPTIONAL_QUERY[`${service}.${operation.name}`]?.includes(p.name),
          }),
        ),
        { ref, keepDefault: true },
      );
    const body =
      operation.body === 'json' || operation.body === 'form' ? jsonBody(spec, object) : undefined;
    if (body) request.body = toJsonSchema(body, { ref });
    requests[operation.name] = request;
  }
  // Walk the reached component schemas to their own references.
  const definitions: Record<string, unknown> = {};
  const pending = [...reached];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name in definitions) continue;
    const component = components[name];
    if (!component) throw new Error(`${service}: $ref to missing schema ${name}`);
    definitions[name] = toJsonSchema(component, {
      ref: (value) => {
        const target = ref(value);
        const child = value.slice(SCHEMA_REF.length).split('/')[0]!;
        if (!(child in definitions)) pending.push(child);
        return target;
      },
    });
  }
  return { definitions: sortKeys(definitions), requests };
}

function findOperation(spec: SpecDocument, operation: RestOperation): SpecOperationObject {
  const item = spec.paths[operation.path];
  const object = item?.[operation.method.toLowerCase()];
  if (!object || Array.isArray(object))
    throw new Error(`${operation.method} ${operation.path} is not in the spec`);
  return object as SpecOperationObject;
}

function resolveParameters(
  spec: SpecDocument,
  path: string,
  operation: SpecOperationObject,
): SpecParameter[] {
  const shared = (spec.paths[path]?.parameters ?? []) as readonly SpecParameter[];
  const byKey = new Map<string, SpecParameter>();
  for (const raw of [...shared, ...(operation.parameters ?? [])]) {
    const parameter = raw.$ref ? spec.components?.parameters?.[raw.$ref.split('/').pop()!] : raw;
    if (!parameter) throw new Error(`unresolved parameter ${raw.$ref}`);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

function objectOf(
  parameters: readonly SpecParameter[],
  options: Parameters<typeof toJsonSchema>[1],
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    properties[parameter.name] = toJsonSchema(parameter.schema ?? { type: 'string' }, options);
    if (parameter.required || parameter.in === 'path') required.push(parameter.name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

function jsonBody(spec: SpecDocument, operation: SpecOperationObject): SpecSchema | undefined {
  let body = operation.requestBody;
  if (body?.$ref) body = spec.components?.requestBodies?.[body.$ref.split('/').pop()!];
  const content = body?.content ?? {};
  for (const type of JSON_TYPES) {
    const schema = content[type]?.schema;
    if (schema) return schema;
  }
  const jsonish = Object.entries(content).find(([type]) => type.includes('json'));
  return jsonish?.[1].schema;
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A query parameter as Qlik reads it: enums and patterns are not enforced,
 * since Qlik takes comma lists (`resourceType=app,qvapp`) and sub-type
 * syntax (`app[qvd]`) in parameters the spec types as one enum value.
 */
function loosen(spec: SpecDocument, parameter: SpecParameter): SpecParameter {
  let schema = parameter.schema ?? { type: 'string' };
  if (schema.$ref)
    schema = spec.components?.schemas?.[schema.$ref.split('/').pop()!] ?? { type: 'string' };
  const {
    enum: _enum,
    pattern: _pattern,
    $ref: _ref,
    ...rest
  } = schema as SpecSchema & { enum?: unknown; pattern?: unknown };
  return { ...parameter, schema: { ...rest, type: rest.type ?? 'string' } };
}
