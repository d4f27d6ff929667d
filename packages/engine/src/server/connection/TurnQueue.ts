/**
 * Handles to work on after the current I/O, one per turn of the event loop,
 * so that requests read meanwhile are answered first and none waits for
 * more than one item's work.
 */
export class TurnQueue {
  private readonly handles = new Set<number>();
  private scheduled = false;

  /** @param work What to do for a handle (throws nothing). */
  constructor(private readonly work: (handle: number) => void) {}

  /** Queues a handle (once: a queued handle keeps its place). */
  add(handle: number): void {
    this.handles.add(handle);
    this.schedule();
  }

  /** Drops a handle from the queue (its work is no longer wanted). */
  delete(handle: number): void {
    this.handles.delete(handle);
  }

  private schedule(): void {
    if (this.scheduled || this.handles.size === 0) return;
    this.scheduled = true;
    // setImmediate runs after the I/O of this turn: the answer in hand is written first.
    setImmediate(() => {
      this.scheduled = false;
      const handle = this.handles.values().next().value as number | undefined;
      if (handle === undefined) return;
      this.handles.delete(handle);
      this.work(handle);
      this.schedule();
    });
  }
}
