import type { Paged } from '../core/Operation.js';

/** Fetches one page: the first when `previous` is undefined, else the one after `previous`. */
export type PageWalker<TPage> = {
  first(): Promise<TPage>;
  next(previous: TPage): Promise<TPage> | undefined;
  items(page: TPage): Iterable<unknown>;
};

/**
 * The `Paged` handle: nothing is fetched until it is awaited or iterated.
 * Awaiting gives the first page; iterating walks the pages lazily, so only the
 * page being iterated is held.
 */
export class PagedResult<TPage, TItem> implements Paged<TPage, TItem> {
  readonly #walker: PageWalker<TPage>;
  #first: Promise<TPage> | undefined;

  constructor(walker: PageWalker<TPage>) {
    this.#walker = walker;
  }

  then<R1 = TPage, R2 = never>(
    onFulfilled?: ((page: TPage) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#first ??= this.#walker.first();
    return this.#first.then(onFulfilled, onRejected);
  }

  /** Every page, fetched one after the other as the previous one is consumed. */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    // Reuse a first page already fetched by `await`, then let go of it.
    let page: TPage | undefined = await (this.#first ?? this.#walker.first());
    this.#first = undefined;
    while (page !== undefined) {
      yield page;
      const next: Promise<TPage> | undefined = this.#walker.next(page);
      page = next === undefined ? undefined : await next;
    }
  }

  /** Every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of this.#walker.items(page)) yield item as TItem;
    }
  }

  /** Every item of every page in one array; for lists known to be small. */
  async all(): Promise<TItem[]> {
    const items: TItem[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
