/** A bounded back/forward stack of past values, like a browser's history. */
export class SelectionHistory<T> {
  private readonly past: T[] = [];
  private readonly future: T[] = [];

  constructor(private readonly limit = 100) {}

  /** Records `previous` as the step to go back to; forgets the forward steps. */
  record(previous: T): void {
    this.past.push(previous);
    if (this.past.length > this.limit) this.past.shift();
    this.future.length = 0;
  }

  /** Steps back from `current`; undefined when there is nothing to go back to. */
  back(current: T): T | undefined {
    const previous = this.past.pop();
    if (previous !== undefined) this.future.push(current);
    return previous;
  }

  /** Steps forward from `current`; undefined when there is nothing ahead. */
  forward(current: T): T | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }

  /** Number of steps back available. */
  get backCount(): number {
    return this.past.length;
  }

  /** Number of steps forward available. */
  get forwardCount(): number {
    return this.future.length;
  }
}
