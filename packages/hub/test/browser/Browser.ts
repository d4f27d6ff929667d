import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser as Chromium, type Page } from 'playwright-core';
import { Traffic } from './Traffic.js';

export { Traffic, type EngineCall } from './Traffic.js';

/** Where browser tests leave their screenshots (git-ignored). */
export const SHOTS_DIR = join(import.meta.dirname, '..', '..', '..', '..', '.artifacts', 'hub');

/** Debian's chromium, headless, as the guide asks. */
export async function launchChromium(): Promise<Chromium> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A page that records its traffic: every JSON-RPC frame on its engine
 * sockets (matched request to answer), every HTTP answer of 400 or more,
 * console errors and uncaught exceptions.
 */
export async function recordedPage(
  browser: Chromium,
  size = { width: 1600, height: 1000 },
): Promise<{ page: Page; traffic: Traffic }> {
  const page = await browser.newPage({ viewport: size });
  const traffic = new Traffic();
  page.on('websocket', (socket) => {
    const recorder = traffic.socket();
    socket.on('framesent', (frame) => recorder.sent(String(frame.payload)));
    socket.on('framereceived', (frame) => recorder.received(String(frame.payload)));
  });
  page.on('response', (response) => {
    if (response.status() >= 400) traffic.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') traffic.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => traffic.pageErrors.push(error.message));
  return { page, traffic };
}

/** Saves a screenshot of the page as `<name>.png` under SHOTS_DIR. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}
