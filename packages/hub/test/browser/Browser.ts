import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser as Chromium, type Page } from 'playwright-core';
import { applyJsonPatch, type JsonPatchOperation } from '@qlikit/qix';

/** Where browser tests leave their screenshots (git-ignored). */
export const SHOTS_DIR = join(import.meta.dirname, '..', '..', '..', '..', '.artifacts', 'hub');

/** One engine call the page made, with its answer. */
export interface EngineCall {
  readonly method: string;
  readonly handle: number;
  readonly params: unknown;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

/** Everything a page said and heard: engine calls, HTTP failures, console errors. */
export class Traffic {
  readonly calls: EngineCall[] = [];
  readonly httpErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];

  /** Engine calls that answered an error. */
  engineErrors(): EngineCall[] {
    return this.calls.filter((call) => call.error !== undefined);
  }

  /** The distinct methods called, sorted. */
  methods(): string[] {
    return [...new Set(this.calls.map((call) => call.method))].sort();
  }
}

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
    const pending = new Map<number, EngineCall>();
    // Delta answers patch the last value of the same handle, method and key.
    const last = new Map<string, unknown>();
    socket.on('framesent', (frame) => {
      const message = JSON.parse(String(frame.payload)) as {
        id?: number;
        method?: string;
        handle?: number;
        params?: unknown;
      };
      if (message.id === undefined || !message.method) return;
      const call: EngineCall = {
        method: message.method,
        handle: message.handle ?? 0,
        params: message.params,
      };
      pending.set(message.id, call);
      traffic.calls.push(call);
    });
    socket.on('framereceived', (frame) => {
      const message = JSON.parse(String(frame.payload)) as {
        id?: number;
        delta?: boolean;
        result?: Record<string, unknown>;
        error?: { code: number; message: string };
      };
      const call = message.id === undefined ? undefined : pending.get(message.id);
      if (!call) return;
      pending.delete(message.id!);
      if (message.error) {
        call.error = message.error;
        return;
      }
      const result: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(message.result ?? {})) {
        const id = `${call.handle}/${call.method}/${key}`;
        result[key] = message.delta
          ? applyJsonPatch(last.get(id), value as JsonPatchOperation[])
          : value;
        last.set(id, result[key]);
      }
      call.result = result;
    });
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
