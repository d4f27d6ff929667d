import type { Paged } from '@qlikit/rest';
import type { OptionSpec } from '../../command/CommandSpec.js';
import { positiveInteger } from '../../command/optionParsers.js';
import type { Output } from '../../output/Output.js';

/** `--limit`: how many to list in all; pages are fetched as needed. */
export const LIMIT_OPTION: OptionSpec = {
  flags: '--limit <n>',
  description: 'How many to list in all, fetched page by page (default 100)',
  parse: positiveInteger,
};

/** The largest page the list operations accept. */
const MAX_PAGE = 100;

/** The page size to ask for when `limit` items are wanted. */
export function pageSize(limit: number | undefined): number {
  return Math.min(limit ?? MAX_PAGE, MAX_PAGE);
}

/**
 * Reads up to `limit` (default 100) items of a list, page after page, and
 * says on stderr when more are left.
 */
export async function collectLimited<T>(
  paged: Paged<unknown, T>,
  limit: number | undefined,
  out: Output,
): Promise<T[]> {
  const wanted = limit ?? MAX_PAGE;
  const items: T[] = [];
  for await (const item of paged) {
    if (items.length === wanted) {
      if (!out.json)
        out.info(out.errColors.dim(`Showing the first ${wanted}; --limit <n> lists more.`));
      break;
    }
    items.push(item);
  }
  return items;
}
