import { EngineError, JsonRpcErr, LocErr } from '../protocol/EngineError.js';
import type { MethodDispatcher } from '../dispatch/MethodDispatcher.js';
import type { EngineSession, SessionSocket } from '../session/EngineSession.js';
import { DeltaEncoder } from './DeltaEncoder.js';

/** A request after validation. */
interface RpcRequest {
  readonly id: number | string | null;
  readonly handle: number;
  readonly method: string;
  readonly params: unknown;
  readonly delta: boolean;
}

/** What the connection needs to write to: the raw socket. */
export interface FrameSink {
  send(frame: string): void;
  close(code: number, reason: string): void;
}

/**
 * One WebSocket of a session: validates JSON-RPC frames, dispatches them to
 * the session's handles, and writes answers with delta encoding and the
 * session's pending `change`/`close` lists. Every bad frame gets an error
 * answer; nothing a client sends can throw out of here.
 */
export class EngineConnection implements SessionSocket {
  private readonly delta = new DeltaEncoder();

  constructor(
    private readonly sink: FrameSink,
    private readonly session: EngineSession,
    private readonly dispatcher: MethodDispatcher,
  ) {}

  /** Writes a message (an answer or a push) to the socket. */
  send(message: object): void {
    if ('close' in message && Array.isArray(message.close))
      this.delta.forget(message.close as number[]);
    this.sink.send(JSON.stringify(message));
  }

  /** Closes the socket. */
  close(code: number, reason: string): void {
    this.sink.close(code, reason);
  }

  /** Handles one text frame from the client. */
  async receive(frame: string): Promise<void> {
    let request: RpcRequest;
    try {
      request = parseRequest(frame);
    } catch (error) {
      this.answerError(idOf(frame), toEngineError(error));
      return;
    }
    const controller = new AbortController();
    const inflightKey = String(request.id);
    if (request.id !== null) this.session.inflight.set(inflightKey, controller);
    try {
      const result = await this.call(request, controller.signal);
      this.answer(request, result);
    } catch (error) {
      this.answerError(request.id, toEngineError(error));
    } finally {
      if (this.session.inflight.get(inflightKey) === controller)
        this.session.inflight.delete(inflightKey);
    }
  }

  private call(request: RpcRequest, signal: AbortSignal): object | Promise<object> {
    const entry = this.session.handles.get(request.handle);
    if (!entry) {
      throw new EngineError(
        JsonRpcErr.INVALID_PARAMS,
        `Invalid handle: ${request.handle}`,
        String(request.handle),
      );
    }
    const result = this.dispatcher.call(
      { session: this.session, entry, requestId: request.id ?? -1, signal },
      request.method,
      request.params,
    );
    if (/^get/i.test(request.method)) entry.layoutValid = true;
    return result;
  }

  private answer(request: RpcRequest, result: object): void {
    if (request.id === null) return;
    const useDelta = request.delta && /^get/i.test(request.method) && !returnsObject(result);
    const body = useDelta
      ? this.delta.encode(
          request.handle,
          request.method.toLowerCase(),
          result as Record<string, unknown>,
        )
      : result;
    const notifications = this.takeNotificationsForAll();
    this.send({
      jsonrpc: '2.0',
      id: request.id,
      ...(useDelta ? { delta: true } : {}),
      result: body,
      ...notifications,
    });
  }

  private answerError(id: number | string | null, error: EngineError): void {
    this.send({ jsonrpc: '2.0', id, error: error.toJSON(), ...this.takeNotificationsForAll() });
  }

  /** Takes the session's pending change/close lists for this answer, pushing them to the session's other sockets. */
  private takeNotificationsForAll(): { change?: number[]; close?: number[] } {
    const notifications = this.session.takeNotifications();
    if (notifications.change || notifications.close) {
      for (const socket of this.session.sockets) {
        if (socket !== this) socket.send({ jsonrpc: '2.0', ...notifications });
      }
    }
    return notifications;
  }
}

function parseRequest(frame: string): RpcRequest {
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch (cause) {
    throw new EngineError(JsonRpcErr.PARSE_ERROR, 'Parse error: the frame is not JSON', '', {
      cause,
    });
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new EngineError(
      JsonRpcErr.INVALID_REQUEST,
      'Invalid request: expected a JSON-RPC object',
    );
  }
  const { id = null, handle, method, params, delta } = message as Record<string, unknown>;
  if (id !== null && typeof id !== 'number' && typeof id !== 'string') {
    throw new EngineError(
      JsonRpcErr.INVALID_REQUEST,
      'Invalid request: id must be a number or a string',
    );
  }
  if (typeof method !== 'string' || method === '') {
    throw new EngineError(
      JsonRpcErr.INVALID_REQUEST,
      'Invalid request: method must be a non-empty string',
    );
  }
  if (typeof handle !== 'number' || !Number.isInteger(handle)) {
    throw new EngineError(JsonRpcErr.INVALID_REQUEST, 'Invalid request: handle must be an integer');
  }
  return { id, handle, method, params, delta: delta === true };
}

/** Recovers the id of a request that failed validation, so the error can still be matched by the client. */
function idOf(frame: string): number | string | null {
  try {
    const message = JSON.parse(frame) as { id?: unknown };
    return typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
  } catch {
    return null;
  }
}

function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new EngineError(LocErr.GENERIC_ABORTED, 'Request aborted', '', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  // The engine layers throw errors with string codes (SelectionError, ScriptError, ...) for bad input.
  const isInputError = typeof (error as { code?: unknown })?.code === 'string';
  return new EngineError(
    isInputError ? LocErr.GENERIC_INVALID_PARAMETERS : LocErr.GENERIC_INTERNAL_ERROR,
    message,
    '',
    { cause: error },
  );
}

function returnsObject(result: object): boolean {
  const qReturn = (result as { qReturn?: unknown }).qReturn;
  return typeof qReturn === 'object' && qReturn !== null && 'qHandle' in qReturn;
}
