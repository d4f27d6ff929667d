// Which build of our packages each side of bench/engine-server runs: the
// TypeScript sources (through tsx, --conditions=source) or the built JavaScript
// in packages/*/dist, as a user of the published packages runs it. The two
// differ in cost: tsx names every function it compiles (esbuild's keepNames, a
// defineProperty per closure created), which the built packages don't do.
// BENCH_ENGINE=dist|source picks the engine's (source by default) and
// BENCH_CLIENT=dist|source the @qlikit/qix clients' (the engine's by default).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The build a process runs our packages from. */
export type Build = 'source' | 'dist';

function buildFrom(name: string, fallback: Build): Build {
  const value = process.env[name] ?? fallback;
  if (value !== 'source' && value !== 'dist')
    throw new Error(`${name}=${value}: expected dist or source`);
  return value;
}

/** The engine processes' build (BENCH_ENGINE). */
export const engineBuild = buildFrom('BENCH_ENGINE', 'source');
/** The @qlikit/qix client processes' build (BENCH_CLIENT, the engine's by default). */
export const clientBuild = buildFrom('BENCH_CLIENT', engineBuild);

/** Node's --conditions for a build: the packages' exports map `source` to src/*.ts, the default to dist. */
export function conditionsFor(build: Build): string[] {
  return build === 'source' ? ['--conditions=source'] : [];
}

/** Stops the bench before it starts if a side is to run a package's dist and it was not built. */
export function requireBuilds(): void {
  const wanted: [string, Build][] = [
    ['engine', engineBuild],
    ['qix', clientBuild],
  ];
  for (const [name, build] of wanted) {
    const entry = fileURLToPath(new URL(`../../packages/${name}/dist/index.js`, import.meta.url));
    if (build === 'dist' && !existsSync(entry)) {
      console.error(
        `bench/engine-server: ${entry} is missing: run \`npm run build\` first (or run the sources: BENCH_ENGINE=source BENCH_CLIENT=source)`,
      );
      process.exit(1);
    }
  }
}

/** What each side runs, for the bench's header. */
export function buildsText(): string {
  const text = (build: Build, name: string) =>
    build === 'dist' ? `${name}/dist (built)` : `${name}/src through tsx`;
  return `engine from ${text(engineBuild, 'packages/engine')}, @qlikit/qix clients from ${text(clientBuild, 'packages/qix')}`;
}
