import type { ProgressData } from '@qlikit/qix';

/** The progress of one reload, as GetProgress reports it. */
export class ReloadProgress {
  readonly startedAt = Date.now();
  finishedAt: number | null = null;
  private readonly lines: string[] = [];
  private reported = 0;
  error: string | null = null;
  current = '';

  /** Adds a line of the reload log. */
  log(line: string): void {
    this.lines.push(line);
    this.current = line;
  }

  /** Marks the reload done, with the error text if it failed. */
  finish(error: string | null): void {
    this.finishedAt = Date.now();
    this.error = error;
  }

  /** The whole log so far. */
  get text(): string {
    return this.lines.join('\n');
  }

  /** qProgressData: log lines since the previous call, and timing when `detailed`. */
  take(detailed: boolean): ProgressData {
    const fresh = this.lines.slice(this.reported);
    this.reported = this.lines.length;
    const finished = this.finishedAt !== null;
    return {
      qStarted: detailed,
      qFinished: detailed && finished,
      qCompleted: finished ? 1 : 0,
      qTotal: 1,
      qKB: 0,
      qMillisecs: (this.finishedAt ?? Date.now()) - this.startedAt,
      qUserInteractionWanted: false,
      qPersistentProgress: fresh.join('\n'),
      qTransientProgress: finished ? '' : this.current,
      qErrorData: this.error
        ? [
            {
              qErrorString: this.error,
              qLineEnd: '',
              qLine: '',
              qErrorDataCode: 'EDC_ERROR',
              qMessage: { qMessageCode: 0, qMessageParameters: [] },
            },
          ]
        : [],
      qPersistentProgressMessages: fresh.map((line) => ({
        qMessageCode: 0,
        qMessageParameters: [line],
      })),
      qTransientProgressMessage: {
        qMessageCode: 0,
        qMessageParameters: finished ? [] : [this.current],
      },
    };
  }
}
