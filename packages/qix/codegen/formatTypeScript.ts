import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from './readSpec.js';

/** Formats generated TypeScript with the repository's Prettier settings, so output reads like hand-written code. */
export async function formatTypeScript(text: string): Promise<string> {
  const configFile = join(repoRoot(), '.prettierrc.json');
  const config = (await resolveConfig(configFile, { config: configFile })) ?? {};
  return format(text, { ...config, parser: 'typescript' });
}
