/** What one run of N calls through one client ended in. */
export interface RunResult {
  readonly ok: number;
  readonly failed: number;
  readonly elapsedMs: number;
  readonly firstError?: string;
}

/** Makes `total` calls from `callers` concurrent callers, each starting its next call when its last one settles. */
export async function driveCallers(
  total: number,
  callers: number,
  call: (index: number) => Promise<unknown>,
): Promise<RunResult> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const caller = async () => {
    while (next < total) {
      const index = next++;
      try {
        await call(index);
        ok += 1;
      } catch (error) {
        failed += 1;
        firstError ??= describe(error);
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { ok, failed, elapsedMs: performance.now() - started, firstError };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}
