import type { ProgressData, QixPromise } from '@qlikit/qix';
import type { OpenApp } from '../../connect/Connection.js';
import type { Output } from '../../output/Output.js';

/** How a reload went: whether it succeeded, how long it took, its log, and the script errors. */
export interface ReloadOutcome {
  readonly success: boolean;
  readonly durationMs: number;
  readonly log: string;
  readonly errors: readonly string[];
}

const POLL_MS = 250;

/**
 * Runs DoReload and streams its log as it comes (GetProgress on the reload's
 * request id, a few times a second) to stderr, unless `silent` or --json.
 */
export async function reloadWithLog(
  app: OpenApp,
  out: Output,
  options: {
    readonly partial?: boolean;
    /** At most this many rows from each data source: DoReloadEx's qRowLimit. */
    readonly limit?: number;
    readonly silent?: boolean;
    readonly signal?: AbortSignal;
  } = {},
): Promise<ReloadOutcome> {
  const started = Date.now();
  const lines: string[] = [];
  const errors: string[] = [];
  const show = !options.silent && !out.json;
  const take = (progress: ProgressData) => {
    if (progress.qPersistentProgress) {
      for (const line of progress.qPersistentProgress.split('\n')) {
        lines.push(line);
        if (show) out.info(line);
      }
    }
    for (const error of progress.qErrorData ?? []) {
      if (error.qErrorString && !errors.includes(error.qErrorString))
        errors.push(error.qErrorString);
    }
  };
  const reload = startReload(app, options);
  let done = false;
  const finished = reload.then(
    (success) => ((done = true), success),
    (error: unknown) => {
      done = true;
      throw error;
    },
  );
  while (!done) {
    await Promise.race([
      finished.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, POLL_MS)),
    ]);
    take(await app.global.getProgress(reload.requestId));
  }
  const success = await finished;
  return { success, durationMs: Date.now() - started, log: lines.join('\n'), errors };
}

/** DoReload, or DoReloadEx when a row limit is asked (DoReload has no parameter for it). */
function startReload(
  app: OpenApp,
  options: { readonly partial?: boolean; readonly limit?: number; readonly signal?: AbortSignal },
): QixPromise<boolean> {
  const qPartial = options.partial ?? false;
  const call = { signal: options.signal };
  if (options.limit === undefined)
    return app.doc.doReload({ qMode: 0, qPartial, qDebug: false }, call) as QixPromise<boolean>;
  const reload = app.doc.doReloadEx(
    { qParams: { qMode: 0, qPartial, qDebug: false, qRowLimit: options.limit } },
    call,
  ) as QixPromise<{ qSuccess?: boolean }>;
  return Object.assign(
    reload.then((result) => result.qSuccess === true),
    { requestId: reload.requestId },
  );
}

/** "1.2 s", "3 min 4 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
