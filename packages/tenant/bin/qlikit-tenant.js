#!/usr/bin/env -S node --max-semi-space-size=64
// Installed from npm this runs the build in dist/. In a checkout of the repository
// (this file is not under node_modules) it runs the TypeScript sources through tsx
// with the `source` export condition, so the bin works right after `npm install`,
// with no build step and never a stale build.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

if (/[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url))) {
  await import('../dist/bin/qlikit-tenant.js');
} else {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  // A resolve hook that adds the `source` condition, so workspace packages resolve to src/.
  const sourceCondition =
    'data:text/javascript,export const resolve = (s, c, next) => next(s, { ...c, conditions: [...c.conditions, "source"] });';
  register(sourceCondition);
  await import('../src/bin/qlikit-tenant.ts');
}
