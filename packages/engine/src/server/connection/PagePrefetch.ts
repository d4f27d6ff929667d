import { DataPage } from '../../hypercube/DataPage.js';
import { isMethod } from '../protocol/methodName.js';
import type { RpcRequest } from '../protocol/RpcRequest.js';
import { TurnQueue } from './TurnQueue.js';

/** The page method whose answers are made ahead. */
const PAGE_METHOD = 'gethypercubedata';
const LAYOUT_METHOD = 'getlayout';

/** Whether a request asks for pages (the requests a PagePrefetch makes ahead). */
export function isPageRequest(request: RpcRequest): boolean {
  return isMethod(request.method, PAGE_METHOD);
}

/**
 * Pages made while the client reads a layout. A chart that gets a new
 * layout (after a selection, say) fetches its pages again, most often the
 * ones it fetched before: so once a `GetLayout` answer is on its way, the
 * pages that the handle's last `GetHyperCubeData` asked for are cut from
 * the new layout's cube and written as text, one handle per turn of the
 * event loop (requests that arrive meanwhile go first), in the time the
 * answer takes to reach the client and the next request to come back. The
 * request, when it comes, is computed as always, and its pages take the
 * texts made ahead only where they are the same area of the same cube
 * (`DataPage.reuseTexts`): a page request that differs, or a cube that
 * changed in between, gets nothing from here.
 */
export class PagePrefetch {
  /** The last page request per handle. */
  private readonly requests = new Map<number, RpcRequest>();
  /** Pages made ahead per handle, until that handle's next page request. */
  private readonly made = new Map<number, DataPage[]>();
  /** Handles whose pages are to be made, in the order their layouts went out. */
  private readonly queue = new TurnQueue((handle) => this.makeAhead(handle));

  /** @param run Runs a request's method (as the connection does, without answering); throws what it throws. */
  constructor(private readonly run: (request: RpcRequest) => unknown) {}

  /** Notes a request as it arrives: a page request is remembered for its handle, and no longer made ahead. */
  received(request: RpcRequest): void {
    if (!isMethod(request.method, PAGE_METHOD)) return;
    this.requests.set(request.handle, request);
    this.queue.delete(request.handle);
  }

  /**
   * Gives a page request's answer the texts made ahead for it (and forgets
   * them); after a layout's answer, queues its handle's pages.
   */
  answering(request: RpcRequest, result: object): void {
    if (isMethod(request.method, PAGE_METHOD)) {
      const made = this.made.get(request.handle);
      if (made === undefined) return;
      this.made.delete(request.handle);
      const pages = (result as { qDataPages?: unknown }).qDataPages;
      if (!Array.isArray(pages)) return;
      for (let i = 0; i < pages.length && i < made.length; i++) {
        const page: unknown = pages[i];
        if (page instanceof DataPage) page.reuseTexts(made[i]!);
      }
    } else if (this.requests.has(request.handle) && isMethod(request.method, LAYOUT_METHOD)) {
      this.made.delete(request.handle);
      this.queue.add(request.handle);
    }
  }

  /** Forgets closed handles. */
  forget(handles: readonly number[]): void {
    for (const handle of handles) {
      this.requests.delete(handle);
      this.made.delete(handle);
      this.queue.delete(handle);
    }
  }

  private makeAhead(handle: number): void {
    const request = this.requests.get(handle);
    if (request === undefined) return;
    let result: unknown;
    try {
      result = this.run(request);
    } catch {
      // The request itself, when it comes, answers the error.
      return;
    }
    if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
      // Not a page method's kind of answer: let it settle unobserved.
      (result as Promise<unknown>).then(undefined, () => undefined);
      return;
    }
    const pages = (result as { qDataPages?: unknown } | undefined)?.qDataPages;
    if (!Array.isArray(pages) || !pages.every((page) => page instanceof DataPage)) return;
    for (const page of pages) page.writeAhead();
    this.made.set(handle, pages);
  }
}
