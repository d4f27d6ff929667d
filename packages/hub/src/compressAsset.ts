import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings a built file is stored in beside itself, best first, with their file suffix. */
export const ASSET_ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** One of {@link ASSET_ENCODINGS}. */
export type AssetEncoding = (typeof ASSET_ENCODINGS)[number]['name'];

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes `file.br` and `file.gz` beside `file`, once per build, so the server
 * sends the page's megabytes of script compressed without compressing them
 * per request. Brotli at quality 9: near the best ratio for a fraction of
 * quality 11's time, which `npm start` would pay on a fresh clone.
 */
export async function compressAsset(file: string): Promise<void> {
  const body = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipped(body, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}
