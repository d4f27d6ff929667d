import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/core/findOperation.js';

describe('findOperation', () => {
  it('finds the spec operation of a concrete path, the most specific template first', () => {
    expect(findOperation('get', '/api/v1/apps/abc')?.id).toBe('getApp');
    expect(findOperation('POST', '/api/v1/apps/abc/copy')?.id).toBe('copyApp');
    expect(findOperation('POST', '/api/v1/apps/import?name=x')?.id).toBe('importApps');
    expect(findOperation('GET', '/api/v1/items?resourceType=app')).toMatchObject({
      id: 'items#listItems',
      tier: 'tier1',
    });
    expect(findOperation('POST', '/api/v1/reloads')).toMatchObject({ tier: 'special', limit: 50 });
  });

  it('finds nothing for a path or method the specs do not have', () => {
    expect(findOperation('GET', '/api/v1/nothing-here')).toBeUndefined();
    expect(findOperation('PATCH', '/api/v1/reloads')).toBeUndefined();
  });
});
