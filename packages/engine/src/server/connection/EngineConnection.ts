import { LOCERR_NUMBERS } from '../../generated/locErr.js';
import type { MethodDispatcher } from '../dispatch/MethodDispatcher.js';
import type { RequestLimits } from '../protocol/RequestLimits.js';
import { JsonRpcErr, RpcError } from '../protocol/RpcError.js';
import { InvalidRequest, parseRpcRequest, type RpcRequest } from '../protocol/RpcRequest.js';
import { idAsWritten, scanFrame } from '../protocol/scanFrame.js';
import { toRpcError, type OnInternalError } from '../protocol/toRpcError.js';
import type { EngineSession, SessionSocket } from '../session/EngineSession.js';
import { jsonText } from '../protocol/jsonText.js';
import { isGetter, lowerMethodName } from '../protocol/methodName.js';
import { DeltaEncoder } from './DeltaEncoder.js';
import { isPageRequest, PagePrefetch } from './PagePrefetch.js';
import { RequestAbort } from './RequestAbort.js';
import { RequestContext } from './RequestContext.js';

/** What the connection needs to write to: the raw socket. */
export interface FrameSink {
  send(frame: string): void;
  close(code: number, reason: string): void;
}

/** Levels a frame may nest beyond `maxDepth` for its envelope: a batch, the request, its params. */
const ENVELOPE_DEPTH = 3;

/**
 * One WebSocket of a session: checks frames against the limits and JSON-RPC
 * 2.0, dispatches requests (one, or a batch) to the session's handles, and
 * writes answers with delta encoding and the session's pending
 * `change`/`close` lists. Every bad frame gets an error answer, notifications
 * get none; nothing a client sends can throw out of here.
 */
export class EngineConnection implements SessionSocket {
  private readonly delta = new DeltaEncoder();
  // Made at the socket's first page request: most sockets fetch no pages (their layouts carry
  // them), and their answers then read nothing of it (cold memory in a server of many sessions).
  private pages: PagePrefetch | undefined;

  constructor(
    private readonly sink: FrameSink,
    private readonly session: EngineSession,
    private readonly dispatcher: MethodDispatcher,
    private readonly limits: RequestLimits,
    private readonly onInternalError: OnInternalError,
  ) {}

  /** Writes a message without id (a push: OnConnected, change/close lists) to the socket. */
  send(message: object): void {
    if ('close' in message && Array.isArray(message.close)) this.forget(message.close as number[]);
    this.sink.send(JSON.stringify(message));
  }

  /** Closes the socket. */
  close(code: number, reason: string): void {
    this.sink.close(code, reason);
  }

  /**
   * Handles one text frame from the client; `bytes` is its size on the wire.
   * A request answered synchronously is answered before this returns; a
   * promise is returned only while an answer is still being computed.
   */
  receive(frame: string, bytes = frame.length): Promise<void> | undefined {
    if (bytes > this.limits.maxFrameBytes) {
      this.sink.send(
        this.errorText(
          'null',
          new RpcError(
            JsonRpcErr.INVALID_REQUEST,
            `Invalid request: a frame of ${bytes} bytes; the limit is ${this.limits.maxFrameBytes}`,
          ),
        ),
      );
      return;
    }
    // A frame nests no deeper than it is long: a short one (most frames of most sessions) needs
    // no scan for its depth, and its id is found as written from the parsed request (idAsWritten).
    const scan =
      frame.length > this.limits.maxDepth + ENVELOPE_DEPTH ? scanFrame(frame) : undefined;
    if (scan !== undefined && scan.depth > this.limits.maxDepth + ENVELOPE_DEPTH) {
      const error = new RpcError(
        LOCERR_NUMBERS.LOCERR_GENERIC_INVALID_PARAMETERS,
        `params: nested ${scan.depth} levels deep; the limit is ${this.limits.maxDepth}`,
        'params',
      );
      this.sink.send(this.errorText(scan.isBatch ? 'null' : (scan.rawIds[0] ?? 'null'), error));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch (cause) {
      const error = new RpcError(JsonRpcErr.PARSE_ERROR, 'Parse error: the frame is not JSON', '', {
        cause,
      });
      this.sink.send(this.errorText('null', error));
      return;
    }
    if (!Array.isArray(message)) {
      const rawId =
        scan === undefined
          ? (idAsWritten(frame, message) ?? scanFrame(frame).rawIds[0])
          : scan.rawIds[0];
      const answer = this.handle(message, rawId);
      if (!(answer instanceof Promise)) {
        if (answer !== undefined) this.sink.send(answer);
        return;
      }
      return answer.then((text) => {
        if (text !== undefined) this.sink.send(text);
      });
    }
    // JSON-RPC 2.0 batch: one array of answers, none for notifications; an empty batch is invalid.
    // (Qlik's engine has no batches; clients that send one get what the JSON-RPC spec says.)
    if (message.length === 0) {
      const error = new RpcError(JsonRpcErr.INVALID_REQUEST, 'Invalid request: an empty batch');
      this.sink.send(this.errorText('null', error));
      return;
    }
    const { rawIds } = scan ?? scanFrame(frame);
    return Promise.all(message.map((member, index) => this.handle(member, rawIds[index]))).then(
      (answers) => {
        const sent = answers.filter((answer): answer is string => answer !== undefined);
        if (sent.length > 0) this.sink.send(`[${sent.join(',')}]`);
      },
    );
  }

  /**
   * Runs one request of a frame; the answer's text, or undefined for a
   * notification. Most methods answer synchronously, and get their answer
   * without a promise; one that returns a promise can be cancelled by id
   * (CancelRequest) until it settles.
   */
  private handle(
    message: unknown,
    rawId: string | undefined,
  ): string | undefined | Promise<string | undefined> {
    const request = parseRpcRequest(message, rawId);
    if (request instanceof InvalidRequest) return this.errorText(request.rawId, request.error);
    if (this.pages !== undefined || isPageRequest(request))
      (this.pages ??= new PagePrefetch((ahead) => this.runAhead(ahead))).received(request);
    const controller = new RequestAbort();
    try {
      const result = this.call(request, controller);
      if (isThenable(result)) return this.settle(request, controller, result);
      return request.id === undefined ? undefined : this.resultText(request, result);
    } catch (error) {
      return this.failText(request, error);
    }
  }

  /** Waits for a request's answer, cancellable by its id meanwhile. */
  private async settle(
    request: RpcRequest,
    controller: RequestAbort,
    pending: PromiseLike<object>,
  ): Promise<string | undefined> {
    const inflightKey = request.id === undefined ? undefined : String(request.id);
    if (inflightKey !== undefined) this.session.inflight.set(inflightKey, controller);
    try {
      const result = await pending;
      return request.id === undefined ? undefined : this.resultText(request, result);
    } catch (error) {
      return this.failText(request, error);
    } finally {
      if (inflightKey !== undefined && this.session.inflight.get(inflightKey) === controller)
        this.session.inflight.delete(inflightKey);
    }
  }

  /** The error answer of a request that failed (none for a notification, not even an error: JSON-RPC 2.0, section 4.1). */
  private failText(request: RpcRequest, error: unknown): string | undefined {
    const rpcError = toRpcError(error, this.onInternalError);
    return request.id === undefined ? undefined : this.errorText(request.rawId, rpcError);
  }

  private call(request: RpcRequest, abort: RequestAbort): object | Promise<object> {
    const entry = this.session.handles.get(request.handle);
    if (!entry) {
      throw new RpcError(
        JsonRpcErr.INVALID_PARAMS,
        `Invalid handle: ${request.handle}`,
        String(request.handle),
      );
    }
    const result = this.dispatcher.call(
      new RequestContext(this.session, entry, request.id ?? -1, abort),
      request.method,
      request.params,
    );
    if (isGetter(request.method)) entry.layoutValid = true;
    return result;
  }

  /** Runs a page request ahead of its arrival (PagePrefetch), while its handle's layout is the one the client has. */
  private runAhead(request: RpcRequest): unknown {
    const entry = this.session.handles.get(request.handle);
    if (!entry?.layoutValid) return undefined;
    const context = new RequestContext(this.session, entry, -1, new RequestAbort());
    return this.dispatcher.call(context, request.method, request.params);
  }

  private forget(handles: readonly number[]): void {
    this.delta.forget(handles);
    this.pages?.forget(handles);
  }

  private resultText(request: RpcRequest, result: object): string {
    this.pages?.answering(request, result);
    const useDelta = request.delta && isGetter(request.method) && !returnsObject(result);
    // A result no patch is worth sending for goes out whole, as a plain answer.
    const patches = useDelta
      ? this.delta.encode(
          request.handle,
          lowerMethodName(request.method),
          result as Record<string, unknown>,
        )
      : undefined;
    const body =
      patches === undefined ? `"result":${jsonText(result)}` : `"delta":true,"result":${patches}`;
    return this.answerText(request.rawId, body);
  }

  private errorText(rawId: string, error: RpcError): string {
    return this.answerText(rawId, `"error":${JSON.stringify(error.toJSON())}`);
  }

  /**
   * An answer's JSON from its members' text, with the session's pending
   * change/close lists, and the request's id written as the client wrote it
   * (so `1e999` stays `1e999`).
   */
  private answerText(rawId: string, members: string): string {
    const { change, close } = this.takeNotificationsForAll();
    if (close) this.forget(close);
    const lists =
      (change ? `,"change":${JSON.stringify(change)}` : '') +
      (close ? `,"close":${JSON.stringify(close)}` : '');
    return `{"jsonrpc":"2.0","id":${rawId},${members}${lists}}`;
  }

  /** Takes the session's pending change/close lists for this answer, pushing them to the session's other sockets. */
  private takeNotificationsForAll(): { change?: number[]; close?: number[] } {
    const notifications = this.session.takeNotifications();
    if (!notifications.change && !notifications.close) return notifications;
    const { sockets } = this.session;
    // A session's only socket is most often this one: then there is no other to push to.
    if (sockets.size === 0 || (sockets.size === 1 && sockets.has(this))) return notifications;
    for (const socket of sockets) {
      if (socket !== this) socket.send({ jsonrpc: '2.0', ...notifications });
    }
    return notifications;
  }
}

function isThenable(value: object | PromiseLike<object>): value is PromiseLike<object> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function returnsObject(result: object): boolean {
  const qReturn = (result as { qReturn?: unknown }).qReturn;
  return typeof qReturn === 'object' && qReturn !== null && 'qHandle' in qReturn;
}
