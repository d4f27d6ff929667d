/** SLEEP n: waits n milliseconds (at most an hour, as Qlik allows), or until `signal` aborts. */
export async function sleepFor(
  milliseconds: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const wait = Math.min(Math.max(0, Number.isFinite(milliseconds) ? milliseconds : 0), 3_600_000);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, wait);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
