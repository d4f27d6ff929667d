/**
 * How a request under way is aborted (CancelRequest, AbortRequest, the
 * session ending). Most requests never look at their signal, so the
 * AbortController behind it is made only when a handler asks for it.
 */
export class RequestAbort {
  private controller: AbortController | undefined;
  private aborted = false;

  /** The request's signal, aborted already when the request was. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort();
    }
    return this.controller.signal;
  }

  /** Aborts the request: its signal fires, now or when it is first asked for. */
  abort(): void {
    this.aborted = true;
    this.controller?.abort();
  }
}
