import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built page lives: `dist/www/` of this package (built by `npm run build`, or at `npm start`). */
export const HUB_ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'www');

/** The files of the built page, by the path they are served at. */
export const HUB_FILES = ['/hub.js', '/hub.css', '/hub.js.map'] as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A built file and its content type. */
export interface HubAsset {
  readonly body: Buffer | string;
  readonly contentType: string;
}

/**
 * The page (`/`, with the web integration id written into it) or one of its
 * files; undefined for any other path. Fails with a clear message when the
 * page has not been built.
 */
export async function readHubAsset(
  path: string,
  webIntegrationId: string,
  dir = HUB_ASSETS_DIR,
): Promise<HubAsset | undefined> {
  if (path === '/' || path === '/index.html') {
    const html = await readBuilt(join(dir, 'index.html'));
    return {
      body: html
        .toString('utf8')
        .replace('%WEB_INTEGRATION_ID%', escapeAttribute(webIntegrationId)),
      contentType: TYPES['.html']!,
    };
  }
  if (!(HUB_FILES as readonly string[]).includes(path)) return undefined;
  return { body: await readBuilt(join(dir, path.slice(1))), contentType: TYPES[extname(path)]! };
}

async function readBuilt(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `The hub is not built (${file} is missing): run npm run build -w packages/hub`,
        {
          cause: error,
        },
      );
    throw error;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
