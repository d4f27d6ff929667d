import { LocError } from '../errors/LocError.js';

/** Qlik's default App cache time: 8 hours. */
export const DEFAULT_APP_CACHE_SECONDS = 28_800;

// A timer longer than this fires at once (Node clamps it to 1 ms): an app would lose its unsaved data.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Qlik's "App cache time": how long an app whose reloaded data was never
 * saved stays loaded after its last session ends, one timer per app.
 */
export class AppCacheTime {
  private readonly timers = new Map<object, NodeJS.Timeout>();
  private readonly ms: number;

  constructor(seconds: number) {
    this.ms = cacheMillis(seconds);
  }

  /** Starts the app's cache time again; `expire` runs when it ends. */
  start(app: object, expire: () => void): void {
    clearTimeout(this.timers.get(app));
    const timer = setTimeout(() => {
      this.timers.delete(app);
      expire();
    }, this.ms);
    timer.unref();
    this.timers.set(app, timer);
  }

  /** Stops the app's cache time, if it runs. */
  stop(app: object): void {
    clearTimeout(this.timers.get(app));
    this.timers.delete(app);
  }
}

/** The App cache time in milliseconds; refuses what a timer cannot wait. */
function cacheMillis(seconds: number): number {
  const ms = seconds * 1000;
  if (!(ms >= 0 && ms <= MAX_TIMER_MS)) {
    throw new LocError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      `appCacheSeconds must be from 0 to ${Math.floor(MAX_TIMER_MS / 1000)}, not ${seconds}`,
      { parameter: 'appCacheSeconds' },
    );
  }
  return ms;
}
