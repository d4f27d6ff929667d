import { describe, expect, it } from 'vitest';
import { qixSchema, QIX_VERSION } from '../../src/generated/index.js';
import { classMethods, exportedTypeNames } from './generatedDeclarations.js';

const ENGINE_CLASSES = [
  'Doc',
  'Field',
  'GenericBookmark',
  'GenericDimension',
  'GenericMeasure',
  'GenericObject',
  'GenericVariable',
  'Global',
  'Variable',
];

describe('generated engine API', () => {
  it('emits one type per struct: 333 types', () => {
    const names = exportedTypeNames('types.ts');
    expect(names).toHaveLength(333);
    expect(new Set(names).size).toBe(333);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining(['GenericObjectLayout', 'HyperCube', 'Size', 'NxHypercubeMode']),
    );
  });

  it('has the 9 engine classes in the table and as interfaces', () => {
    expect(Object.keys(qixSchema.structs)).toEqual(ENGINE_CLASSES);
    expect([...classMethods().keys()].sort()).toEqual(ENGINE_CLASSES);
    expect(exportedTypeNames('classes.ts')).toEqual([
      ...ENGINE_CLASSES,
      'QixClasses',
      'QixClassName',
    ]);
  });

  it('has 336 methods in the table, each one a method of its class interface under its enigma name', () => {
    const interfaces = classMethods();
    let count = 0;
    for (const [className, methods] of Object.entries(qixSchema.structs)) {
      const declared = interfaces.get(className);
      const expected = Object.keys(methods).map(
        (wire) => wire.charAt(0).toLowerCase() + wire.slice(1),
      );
      expect([...(declared ?? [])].sort(), className).toEqual([...expected].sort());
      count += expected.length;
    }
    expect(count).toBe(336);
  });

  it('carries the engine version', () => {
    expect(QIX_VERSION).toBe('12.2528.0');
    expect(qixSchema.version).toBe('12.2528.0');
  });
});
