import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; CI installs it (.ci/run). Nothing here ever downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when the system chromium is installed. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launches the system chromium headless. Playwright gives every launch a fresh
 * temporary profile and removes it on close (it refuses --user-data-dir here).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // These keep chromium off the network and away from first-run work.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
