import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, Schema } from '../../codegen/OpenApi.js';
import { RefResolver } from '../../codegen/RefResolver.js';
import { SchemaTypeWriter } from '../../codegen/SchemaTypeWriter.js';
import { emitService } from '../../codegen/emitService.js';

const shared: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {},
  components: {
    schemas: {
      Owner: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
  },
};

const main: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/widgets': {
      get: {
        'x-qlik-tier': { tier: '1', limit: 1000 },
        parameters: [{ name: 'next', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/WidgetList' } },
            },
          },
        },
      },
      post: {
        'x-qlik-tier': { tier: 'special', limit: 20 },
        parameters: [
          { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'if-match', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
        },
        responses: {
          '201': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
          },
        },
      },
    },
    '/api/v1/widgets/{widgetId}/actions/spin': {
      post: {
        'x-qlik-tier': { tier: '2', limit: 100 },
        parameters: [{ name: 'widgetId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            content: {
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Widget: {
        type: 'object',
        description: 'A widget.',
        required: ['id', 'kind'],
        properties: {
          id: { type: 'string', description: 'Its id. Ends with */ on purpose.' },
          kind: { type: 'string', enum: ['round', 'square'] },
          size: {
            type: 'string',
            oneOf: [
              { title: 'SMALL', 'x-qlik-const': 0 },
              { title: 'LARGE', 'x-qlik-const': 1 },
            ] as Schema[],
          },
          owner: { $ref: 'shared.json#/components/schemas/Owner' },
          parent: { $ref: '#/components/schemas/Widget', nullable: true },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          'x-extra': {
            allOf: [
              { $ref: '#/components/schemas/Meta' },
              { type: 'object', properties: { more: { type: 'boolean' } } },
            ],
          },
          either: { anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'string' } }] },
        },
      },
      Meta: {
        type: 'object',
        properties: { tags: { type: 'array', items: { type: 'string' } } },
        additionalProperties: true,
      },
      WidgetList: {
        type: 'object',
        properties: {
          data: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
          links: { type: 'object', properties: { self: { type: 'object' } } },
        },
      },
    },
  },
};

const specs = [
  { service: 'shared', fileName: 'shared.json', document: shared },
  { service: 'widgets', fileName: 'widgets.json', document: main },
];

describe('schema to TypeScript', () => {
  const resolver = new RefResolver(specs);
  const writer = new SchemaTypeWriter(
    resolver,
    'widgets.json',
    new Map([
      ['Widget', 'Widget'],
      ['Meta', 'Meta'],
    ]),
  );

  it('writes enums, Qlik const enums, nullable refs, maps, allOf and anyOf', () => {
    const widget = main.components?.schemas?.Widget as Schema;
    const members = writer.members(widget, '  ');
    expect(members).toContain('  kind: "round" | "square";\n');
    expect(members).toContain('  size?: "SMALL" | "LARGE";\n');
    expect(members).toContain('  parent?: Widget | null;\n');
    expect(members).toContain('  labels?: Record<string, string>;\n');
    expect(members).toMatch(/ {2}"x-extra"\?: Meta & \{\n {4}more\?: boolean;\n {2}\};\n/);
    expect(members).toContain('  either?: number | string[];\n');
    expect(members).toContain('/** Its id. Ends with *\\/ on purpose. */');
  });

  it('inlines a schema from another spec file', () => {
    expect(writer.typeOf({ $ref: 'shared.json#/components/schemas/Owner' })).toBe(
      '{\n  id: string;\n}',
    );
  });

  it('keeps an index signature beside declared properties', () => {
    expect(writer.members(main.components?.schemas?.Meta as Schema, '')).toBe(
      'tags?: string[];\n[key: string]: unknown;\n',
    );
  });

  it('emits a service module with descriptors, cursor paging, binary results and no Authorization argument', () => {
    const { source, operations } = emitService(resolver, specs[1]);
    expect(operations.map((operation) => operation.names)).toEqual([
      { method: 'list', fn: 'listWidgets' },
      { method: 'create', fn: 'createWidget' },
      { method: 'spin', fn: 'spinWidget' },
    ]);
    expect(source).toContain('  paging: "links",\n');
    expect(source).toContain('  headerParams: { ifMatch: "if-match" },\n');
    expect(source).not.toMatch(/authorization/i);
    expect(source).toContain('  tier: "special",\n  limit: 20,\n');
    expect(source).toContain(
      'export function spinWidget(transport: RestTransport, args: SpinWidgetArgs, options?: CallOptions): ResponsePromise<Download> {',
    );
    expect(source).toContain(
      'export function listWidgets(transport: RestTransport, args?: ListWidgetsArgs, options?: CallOptions): Paged<ListWidgetsResult, ListWidgetsItem> {',
    );
    expect(source).toContain('export type ListWidgetsItem = Widget;');
  });
});
