import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSET_ENCODINGS, type AssetEncoding } from './compressAsset.js';
import { FileCache, type CachedFile } from './FileCache.js';

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
  /** How `body` is compressed, when it is. */
  readonly encoding?: AssetEncoding;
  /** A validator of this version of the file in this encoding (absent for the page itself). */
  readonly etag?: string;
}

/** The built files read so far, shared by every hub of the process. */
const builtFiles = new FileCache();

/**
 * The page (`/`, with the web integration id written into it) or one of its
 * files, compressed in the best encoding `acceptEncoding` (the request's
 * header) allows; undefined for any other path. Files come from memory after
 * their first read (`files`), and again from disk after a rebuild. Fails
 * with a clear message when the page has not been built.
 */
export async function readHubAsset(
  path: string,
  webIntegrationId: string,
  dir = HUB_ASSETS_DIR,
  acceptEncoding = '',
  files = builtFiles,
): Promise<HubAsset | undefined> {
  if (path === '/' || path === '/index.html') {
    const html = (await readBuilt(files, join(dir, 'index.html'))).body;
    return {
      body: html
        .toString('utf8')
        .replace('%WEB_INTEGRATION_ID%', escapeAttribute(webIntegrationId)),
      contentType: TYPES['.html']!,
    };
  }
  if (!(HUB_FILES as readonly string[]).includes(path)) return undefined;
  const file = join(dir, path.slice(1));
  const contentType = TYPES[extname(path)]!;
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ASSET_ENCODINGS) {
    if (!accepted.has(name)) continue;
    const compressed = await files.read(file + suffix);
    if (compressed)
      return { body: compressed.body, contentType, encoding: name, etag: etagOf(compressed, name) };
  }
  const plain = await readBuilt(files, file);
  return { body: plain.body, contentType, etag: etagOf(plain, 'identity') };
}

/** The codings an Accept-Encoding header allows (those without `q=0`). */
function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const entry of header.split(',')) {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!coding || params.some((param) => /^q=0(\.0*)?$/.test(param))) continue;
    accepted.add(coding);
  }
  return accepted;
}

// Weak: a build rewrites the file (new size or time), and each coding is a different body.
function etagOf(file: CachedFile, coding: string): string {
  return `W/"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}-${coding}"`;
}

async function readBuilt(files: FileCache, file: string): Promise<CachedFile> {
  const read = await files.read(file);
  if (!read)
    throw new Error(`The hub is not built (${file} is missing): run npm run build -w packages/hub`);
  return read;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
