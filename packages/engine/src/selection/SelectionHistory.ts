/** A bounded back/forward stack of past values, like a browser's history. */
export class SelectionHistory<T> {
  /**
   * The steps back, in a ring of at most `limit` slots with the oldest at
   * `first`: recording a step past the limit overwrites the oldest in place,
   * where shifting an array would move it and, now and then, copy it into a
   * bigger one (a session's history lives long: every copy would be promoted).
   */
  private readonly past: (T | undefined)[] = [];
  private first = 0;
  private count = 0;
  private readonly future: T[] = [];

  constructor(private readonly limit = 100) {}

  /** Records `previous` as the step to go back to; forgets the forward steps. */
  record(previous: T): void {
    if (this.future.length > 0) this.future.length = 0;
    this.pushPast(previous);
  }

  /** Steps back from `current`; undefined when there is nothing to go back to. */
  back(current: T): T | undefined {
    if (this.count === 0) return undefined;
    const last = (this.first + this.count - 1) % this.limit;
    const previous = this.past[last];
    this.past[last] = undefined;
    this.count--;
    this.future.push(current);
    return previous;
  }

  /** Steps forward from `current`; undefined when there is nothing ahead. */
  forward(current: T): T | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.pushPast(current);
    return next;
  }

  /** Number of steps back available. */
  get backCount(): number {
    return this.count;
  }

  /** Number of steps forward available. */
  get forwardCount(): number {
    return this.future.length;
  }

  /** Adds a step back, over the oldest when the ring is full. */
  private pushPast(value: T): void {
    if (this.limit <= 0) return;
    if (this.count < this.limit) {
      this.past[(this.first + this.count) % this.limit] = value;
      this.count++;
    } else {
      this.past[this.first] = value;
      this.first = (this.first + 1) % this.limit;
    }
  }
}
