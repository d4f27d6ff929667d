// `npm run check:packages` (after `npm run build`): every workspace package as a user
// installs it. publint lints what `npm pack` puts in the tarball; @arethetypeswrong/cli
// resolves its types from the built files for ESM and CommonJS consumers (node16).
//
// Two findings are expected and named here rather than silenced wholesale:
// - cjs-resolves-to-esm: @qlikit/rest, engine, tenant and cli are ES modules only;
//   CommonJS programs load them with require() on Node >= 20.19 (require(esm)), and
//   TypeScript types such a require() under --module nodenext. The packing test
//   (packages/cli/test/pack.test.ts) compiles and runs such a consumer.
// - false-export-default: @qlikit/qix's enigma.js-shaped CommonJS entries export
//   the value itself (as enigma.js does) and also carry `default` pointing at it,
//   so the `export default` in their types holds at runtime (see src/cjs/commonJsShape.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const IGNORED = {
  '@qlikit/qix': ['false-export-default'],
};

let failed = 0;
for (const workspace of workspaces) {
  const dir = join(root, workspace);
  const { name, type, exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const hasCommonJs = JSON.stringify(exports ?? {}).includes('"require"');
  const ignore = [
    ...(IGNORED[name] ?? []),
    ...(type === 'module' && !hasCommonJs ? ['cjs-resolves-to-esm'] : []),
  ];
  for (const [tool, args] of [
    ['publint', ['run', dir, '--strict']],
    [
      'attw',
      [
        '--pack',
        dir,
        '--profile',
        'node16',
        '--format',
        'table-flipped',
        ...(ignore.length ? ['--ignore-rules', ...ignore] : []),
      ],
    ],
  ]) {
    process.stdout.write(`== ${tool} ${name}\n`);
    try {
      execFileSync(bin(tool), args, { cwd: dir, stdio: 'inherit' });
    } catch {
      failed += 1;
    }
  }
}
if (failed) {
  console.error(`check:packages: ${failed} check(s) failed`);
  process.exit(1);
}
