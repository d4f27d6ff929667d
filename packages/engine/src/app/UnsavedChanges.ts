/**
 * What changed in an app since it was loaded or last saved: changes made so
 * far (all of them, and reloads' data) against how many of each the finished
 * saves hold. Counts, not flags: a change made while a save is written is
 * not in it.
 */
export class UnsavedChanges {
  private changes = 0;
  private savedChanges = 0;
  private dataChanges = 0;
  private savedDataChanges = 0;

  /** Counts a change of the document. */
  changed(): void {
    this.changes++;
  }

  /** Counts a reload's new data (its document changes count apart, by `changed`). */
  dataChanged(): void {
    this.dataChanges++;
  }

  /** Whether anything changed since the last save. */
  get any(): boolean {
    return this.changes !== this.savedChanges;
  }

  /** Whether a reload replaced the data since the last save with data. */
  get data(): boolean {
    return this.dataChanges !== this.savedDataChanges;
  }

  /**
   * For a save taken now: the function to call once it is written, which
   * counts the changes made so far as saved, the data's only `withData`.
   */
  savedAsNow(withData: boolean): () => void {
    const changes = this.changes;
    const dataChanges = this.dataChanges;
    return () => {
      this.savedChanges = Math.max(this.savedChanges, changes);
      if (withData) this.savedDataChanges = Math.max(this.savedDataChanges, dataChanges);
    };
  }
}
