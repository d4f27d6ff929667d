/**
 * The writes of a store's apps: one app's writes run one after another, in
 * the order they were asked for (two saves at once would both pick the same
 * next version), and the store can wait for them all.
 */
export class AppWrites {
  private readonly saving = new Set<Promise<void>>();
  /** The last write asked for per app id, settled: the next one waits for it. */
  private readonly writes = new Map<string, Promise<void>>();

  /** Runs `write` after the app's writes asked for before it. */
  serially(id: string, write: () => Promise<void>): Promise<void> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const saving = previous.then(write);
    const settled = saving.catch(() => undefined);
    this.writes.set(id, settled);
    this.saving.add(saving);
    void settled.then(() => {
      this.saving.delete(saving);
      if (this.writes.get(id) === settled) this.writes.delete(id);
    });
    return saving;
  }

  /** The app's last write asked for, settled (failed or not); undefined when none is under way. */
  pending(id: string): Promise<void> | undefined {
    return this.writes.get(id);
  }

  /** Waits for every write under way. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.saving]);
  }
}
