import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { operationsDoc } from '../codegen/operationsDoc.js';

describe('OPERATIONS.md', () => {
  it('lists what the route table implements (run `npm run generate` after adding a route)', async () => {
    const committed = await readFile(new URL('../OPERATIONS.md', import.meta.url), 'utf8');
    expect(committed).toBe(operationsDoc());
  });
});
