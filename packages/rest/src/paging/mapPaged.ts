import type { Paged } from '../core/Operation.js';

/** The same list with every item passed through `map`: how the resource layer hands out objects. */
export function mapPaged<TPage, TItem, TMapped>(
  paged: Paged<TPage, TItem>,
  map: (item: TItem) => TMapped,
): Paged<TPage, TMapped> {
  return {
    then: (onFulfilled, onRejected) => paged.then(onFulfilled, onRejected),
    pages: () => paged.pages(),
    async *[Symbol.asyncIterator]() {
      for await (const item of paged) yield map(item);
    },
    async all() {
      const items: TMapped[] = [];
      for await (const item of paged) items.push(map(item));
      return items;
    },
  };
}
