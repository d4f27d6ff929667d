import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/expression/parseExpression.js';

describe('Count(*)', () => {
  it('parses the star of an aggregation as the field reference *', () => {
    const expr = parseExpression('Count(*)');
    expect(expr).toMatchObject({
      kind: 'call',
      key: 'COUNT',
      args: [{ kind: 'field', name: '*' }],
    });
  });

  it('keeps a set expression before the star', () => {
    expect(parseExpression('Count({1} *)')).toMatchObject({
      set: { kind: 'setEntity' },
      args: [{ kind: 'field', name: '*' }],
    });
  });

  it('leaves a star inside strings and arithmetic alone', () => {
    expect(parseExpression("Concat('(*)')")).toMatchObject({
      args: [{ kind: 'string', value: '(*)' }],
    });
    expect(parseExpression('Sum(a * b)')).toMatchObject({ args: [{ kind: 'binary', op: '*' }] });
  });

  it('rejects a star outside an aggregation', () => {
    expect(() => parseExpression('Upper(*)')).toThrow();
  });
});
