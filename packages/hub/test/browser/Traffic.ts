import { applyJsonPatch, type JsonPatchOperation } from '@qlikit/qix';

/** One engine call the page made, with its answer. */
export interface EngineCall {
  readonly method: string;
  /** The engine socket (numbered in the order the page opened them): handles are per socket. */
  readonly socket: number;
  readonly handle: number;
  /** What the handle is: `Global`, `Doc`, or `GenericObject <type>` as the engine said when it opened it. */
  readonly on: string;
  /** The test that was running when the page made the call. */
  readonly phase: string;
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
  /** The name calls are filed under (tests set it to their own name). */
  phase = 'opening the page';
  private sockets = 0;

  /** Engine calls that answered an error. */
  engineErrors(): EngineCall[] {
    return this.calls.filter((call) => call.error !== undefined);
  }

  /** Resolves once every call is answered and no new one came for `quietMs` (at most `timeoutMs`). */
  async settled(quietMs = 1000, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.calls.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const answered = this.calls.every((call) => call.result || call.error);
      if ((seen === this.calls.length && answered) || Date.now() > deadline) return;
    }
  }

  /** The distinct methods called, sorted. */
  methods(): string[] {
    return [...new Set(this.calls.map((call) => call.method))].sort();
  }

  /**
   * A recorder of one engine socket: requests matched to their answers, delta
   * answers patched onto the previous answer of the same handle and method,
   * and each handle named after what opened it.
   */
  socket(): { sent(payload: string): void; received(payload: string): void } {
    const socket = ++this.sockets;
    const pending = new Map<number, EngineCall>();
    const last = new Map<string, unknown>();
    const kinds = new Map<number, string>([[-1, 'Global']]);
    return {
      sent: (payload) => {
        const message = JSON.parse(payload) as {
          id?: number;
          method?: string;
          handle?: number;
          params?: unknown;
        };
        if (message.id === undefined || !message.method) return;
        const handle = message.handle ?? -1;
        const call: EngineCall = {
          method: message.method,
          socket,
          handle,
          on: kinds.get(handle) ?? `handle ${handle}`,
          phase: this.phase,
          params: message.params,
        };
        pending.set(message.id, call);
        this.calls.push(call);
      },
      received: (payload) => {
        const message = JSON.parse(payload) as {
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
          if (!message.delta) {
            // As enigma.js, @qlik/api and @qlikit/qix do: a plain answer leaves the delta base as it was.
            result[key] = value;
            continue;
          }
          result[key] = applyJsonPatch(last.get(id), value as JsonPatchOperation[]);
          last.set(id, result[key]);
        }
        call.result = result;
        const opened = result.qReturn as
          { qHandle?: number; qType?: string; qGenericType?: string } | undefined;
        if (typeof opened?.qHandle === 'number' && opened.qType)
          kinds.set(
            opened.qHandle,
            opened.qGenericType && opened.qGenericType !== opened.qType
              ? `${opened.qType} ${opened.qGenericType}`
              : opened.qType,
          );
      },
    };
  }
}
