import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { operationsDoc, withServicesTable } from '../codegen/operationsDoc.js';

describe('OPERATIONS.md', () => {
  it('lists what the route table implements (run `npm run generate` after adding a route)', async () => {
    const committed = await readFile(new URL('../OPERATIONS.md', import.meta.url), 'utf8');
    expect(committed).toBe(operationsDoc());
  });

  it("README's services table is the route table's (run `npm run generate` after adding a route)", async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withServicesTable(readme));
  });
});
