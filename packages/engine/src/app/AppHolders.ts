/**
 * Who keeps an app loaded: the sessions that have it open (counted by user,
 * for qConnectedUsers) and pieces of work that use it across awaits. When the
 * last one lets go, `onIdle` runs so that the store can unload the app, as
 * Qlik's engine unloads an app its last session has left.
 */
export class AppHolders {
  private readonly viewers = new Map<string, number>();
  private count = 0;

  constructor(private readonly onIdle: () => void) {}

  /** Counts a session of `userId` as having the app open, until the returned function runs. */
  openedBy(userId: string): () => void {
    this.viewers.set(userId, (this.viewers.get(userId) ?? 0) + 1);
    const release = this.hold();
    return () => {
      if (!release()) return;
      const left = (this.viewers.get(userId) ?? 1) - 1;
      if (left > 0) this.viewers.set(userId, left);
      else this.viewers.delete(userId);
    };
  }

  /**
   * Keeps the app loaded until the returned function runs; that function
   * answers whether this call let go (later calls do nothing).
   */
  hold(): () => boolean {
    this.count++;
    let held = true;
    return () => {
      if (!held) return false;
      held = false;
      if (--this.count === 0) this.onIdle();
      return true;
    };
  }

  /** Whether anything holds the app loaded. */
  get any(): boolean {
    return this.count > 0;
  }

  /** How many different users have the app open now. */
  get users(): number {
    return this.viewers.size;
  }
}
