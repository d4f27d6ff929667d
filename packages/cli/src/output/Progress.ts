import cliProgress from 'cli-progress';
import type { OutputStream } from './Output.js';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MB).toFixed(1);

/**
 * A byte progress bar for uploads and downloads. Without a terminal it draws
 * nothing, so scripts and logs get only the result.
 */
export class Progress {
  readonly #bar: cliProgress.SingleBar | undefined;
  #started = false;
  #start = 0;

  constructor(label: string, stream: OutputStream | undefined) {
    this.#bar =
      stream &&
      new cliProgress.SingleBar(
        {
          stream: stream as unknown as NodeJS.WritableStream,
          format: `${label} [{bar}] {percentage}% {done}/{size} MB {speed} MB/s`,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
  }

  /** Reports the bytes moved so far, and the total when known. */
  update = ({ loaded, total }: { readonly loaded: number; readonly total?: number }): void => {
    if (!this.#bar) return;
    const size = total ?? Math.max(loaded, 1);
    if (!this.#started) {
      this.#started = true;
      this.#start = Date.now();
      this.#bar.start(size, 0, this.#payload(loaded, total));
    }
    this.#bar.setTotal(size);
    this.#bar.update(loaded, this.#payload(loaded, total));
  };

  #payload(loaded: number, total: number | undefined) {
    const seconds = Math.max((Date.now() - this.#start) / 1000, 0.001);
    return {
      done: megabytes(loaded),
      size: total === undefined ? '?' : megabytes(total),
      speed: megabytes(loaded / seconds),
    };
  }

  /** Ends the bar (leaving its last state on screen). */
  stop(): void {
    if (this.#started) this.#bar?.stop();
  }
}
