import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Layers a folder's files must not import from (imports point down). */
const ABOVE: Record<string, readonly string[]> = {
  errors: [
    'value',
    'expression',
    'io',
    'model',
    'selection',
    'script',
    'aggregate',
    'hypercube',
    'app',
    'server',
  ],
  app: ['server'],
  hypercube: ['app', 'server'],
  aggregate: ['hypercube', 'app', 'server'],
  model: ['aggregate', 'hypercube', 'app', 'server'],
  value: ['app', 'server'],
};

describe('engine layers', () => {
  it('import only downwards (app/ no longer imports from server/)', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const layer = relative(SRC, file).split('/')[0]!;
      const forbidden = ABOVE[layer];
      if (!forbidden) continue;
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const resolved = relative(SRC, join(file, '..', target!)).split('/')[0]!;
        if (forbidden.includes(resolved)) wrong.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
