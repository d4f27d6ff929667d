import type { RpcRequest } from '../protocol/RpcRequest.js';
import { TurnQueue } from './TurnQueue.js';

const LAYOUT_METHOD = 'getlayout';

/**
 * Layouts made while a change travels. A client that re-read a handle's
 * layout after its last change will read it again after this one (a chart
 * on screen does, on every selection): so once a `change` list naming it
 * is on its way, its layout is computed in the next turn of the event loop,
 * in the time the list takes to reach the client and its `GetLayout` to
 * come back, and that request is answered with it. A handle the client did
 * not re-read since its last change (a chart no longer shown, say) is left
 * alone. A layout made ahead answers only while the session has changed
 * nothing since (`version`: every invalidation or close of a handle moves
 * it); otherwise the request computes its layout as always.
 */
export class LayoutPrefetch {
  /** Handles whose layout was read since their last change. */
  private readonly followed = new Set<number>();
  /** Layouts made ahead, with the session's version they were made at. */
  private readonly made = new Map<number, { result: object; version: number }>();
  private readonly queue = new TurnQueue((handle) => this.makeAhead(handle));

  /**
   * @param run Computes a handle's GetLayout answer, or undefined when it is not wanted (anymore); throws what the method throws.
   * @param version The session's count of changes to its handles.
   */
  constructor(
    private readonly run: (handle: number) => object | undefined,
    private readonly version: () => number,
  ) {}

  /** Notes a request as it arrives: a layout asked for before it was made is not made ahead. */
  received(request: RpcRequest): void {
    if (request.method.toLowerCase() === LAYOUT_METHOD) this.queue.delete(request.handle);
  }

  /** The answer made ahead for a GetLayout request (without parameters), if it is still current (taken once). */
  take(request: RpcRequest): object | undefined {
    if (this.made.size === 0 || request.method.toLowerCase() !== LAYOUT_METHOD) return undefined;
    if (!noParams(request.params)) return undefined;
    const made = this.made.get(request.handle);
    if (made === undefined) return undefined;
    this.made.delete(request.handle);
    return made.version === this.version() ? made.result : undefined;
  }

  /** Notes a GetLayout answered: the client follows that handle. */
  answered(request: RpcRequest): void {
    if (request.method.toLowerCase() === LAYOUT_METHOD) this.followed.add(request.handle);
  }

  /** Notes a `change` list sent to the client: the handles it follows get their layouts made. */
  changed(handles: readonly number[]): void {
    for (const handle of handles) {
      this.made.delete(handle);
      if (!this.followed.delete(handle)) continue;
      this.queue.add(handle);
    }
  }

  /** Forgets closed handles. */
  forget(handles: readonly number[]): void {
    for (const handle of handles) {
      this.followed.delete(handle);
      this.made.delete(handle);
      this.queue.delete(handle);
    }
  }

  private makeAhead(handle: number): void {
    const version = this.version();
    let result: object | undefined;
    try {
      result = this.run(handle);
    } catch {
      // The request itself, when it comes, answers the error.
      return;
    }
    if (result === undefined) return;
    if (typeof (result as { then?: unknown }).then === 'function') {
      // Layouts are computed at once; a method that answers later is left to its request.
      (result as Promise<unknown>).then(undefined, () => undefined);
      return;
    }
    this.made.set(handle, { result, version });
  }
}

function noParams(params: RpcRequest['params']): boolean {
  if (params === undefined) return true;
  return Array.isArray(params) ? params.length === 0 : Object.keys(params).length === 0;
}
