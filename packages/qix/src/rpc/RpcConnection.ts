import { errorCodes } from '../errors/errorCodes.js';
import { connectionError } from '../errors/connectionError.js';
import type { CreateSocket, SocketCloseEvent, SocketLike } from '../transport/SocketLike.js';
import { SOCKET_OPEN } from '../transport/SocketLike.js';
import { createFrameWriter } from '../transport/createFrameWriter.js';
import { listenForMessages } from '../transport/listenForMessages.js';
import type { JsonRpcMessage } from './JsonRpcMessage.js';
import type { PendingCall } from './PendingCall.js';
import type { RpcListener } from './RpcListener.js';

/**
 * A JSON-RPC 2.0 connection over one socket at a time: opens and closes the
 * socket, writes frames, parses incoming ones and pairs responses with the
 * outstanding calls. `open()` again after a close opens a fresh socket to the
 * same URL; events of an old socket are ignored.
 */
export class RpcConnection<C extends PendingCall> {
  #socket: SocketLike | undefined;
  #write: (frame: string) => void = noWriter;
  readonly #pending = new Map<number, C>();
  #lastRequestId = 0;
  #closingLocally = false;
  #closeWaiters: Array<(event: SocketCloseEvent) => void> = [];
  /** The close event of the last socket, for errors raised while disconnected. */
  lastCloseEvent: SocketCloseEvent | undefined;

  /** Where each socket connects. */
  readonly url: string;
  readonly #createSocket: CreateSocket;
  readonly #listener: RpcListener<C>;

  constructor(url: string, createSocket: CreateSocket, listener: RpcListener<C>) {
    this.url = url;
    this.#createSocket = createSocket;
    this.#listener = listener;
  }

  /** The socket of the moment: open, opening or closing; undefined once it closed. */
  get socket(): SocketLike | undefined {
    return this.#socket;
  }

  /** The last request id handed out. */
  get lastId(): number {
    return this.#lastRequestId;
  }

  /** Hands out the next request id (ids start at 1: engines may treat 0 as absent). */
  nextId(): number {
    this.#lastRequestId += 1;
    return this.#lastRequestId;
  }

  /** Opens a new socket; resolves when it is open, rejects when it fails before that. */
  open(): Promise<void> {
    this.#detach();
    let socket: SocketLike;
    try {
      socket = this.#createSocket(this.url);
    } catch (error) {
      return Promise.reject(error);
    }
    this.#socket = socket;
    this.#closingLocally = false;
    return new Promise<void>((resolve, reject) => {
      let opened = false;
      socket.onopen = () => {
        opened = true;
        this.#write = createFrameWriter(socket);
        resolve();
      };
      socket.onerror = (event) => {
        if (socket !== this.#socket) return;
        if (!opened) {
          reject(connectionError(errorCodes.NOT_CONNECTED, 'Socket error', event));
          return;
        }
        this.#listener.onSocketError(event, this.#takeAll());
      };
      socket.onclose = (event) => {
        if (socket !== this.#socket) return;
        if (!opened) {
          reject(connectionError(errorCodes.NOT_CONNECTED, `Socket closed (${event.code})`, event));
        }
        this.#handleClose(event);
      };
      listenForMessages(socket, (text) => {
        if (socket === this.#socket) this.#handleFrame(text);
      });
    });
  }

  /** Writes a frame and registers the call it belongs to; false when not connected. */
  send(frame: string, call: C | undefined): boolean {
    const socket = this.#socket;
    if (socket === undefined || socket.readyState !== SOCKET_OPEN) return false;
    if (call !== undefined) this.#pending.set(call.id, call);
    this.#write(frame);
    return true;
  }

  /**
   * Closes the socket; resolves with its close event (at once when there is
   * none). `asLoss`: the listener is told the socket closed as if the peer or
   * the network had closed it (enigma.js programs drop sockets with
   * `session.rpc.close(code)` to test what follows).
   */
  close(code = 1000, reason = '', asLoss = false): Promise<SocketCloseEvent> {
    const socket = this.#socket;
    if (socket === undefined)
      return Promise.resolve(this.lastCloseEvent ?? { code, reason, wasClean: true });
    this.#closingLocally = !asLoss;
    const closed = new Promise<SocketCloseEvent>((resolve) => this.#closeWaiters.push(resolve));
    socket.close(code, reason);
    return closed;
  }

  #handleFrame(text: string): void {
    const message = JSON.parse(text) as JsonRpcMessage;
    let call: C | undefined;
    if (message.id !== undefined) {
      call = this.#pending.get(message.id);
      if (call !== undefined) this.#pending.delete(message.id);
    }
    this.#listener.onMessage(message, call);
  }

  #handleClose(event: SocketCloseEvent): void {
    const initiatedLocally = this.#closingLocally;
    this.#socket = undefined;
    this.lastCloseEvent = event;
    const waiters = this.#closeWaiters;
    this.#closeWaiters = [];
    this.#listener.onClose(event, this.#takeAll(), initiatedLocally);
    for (const resolve of waiters) resolve(event);
  }

  #takeAll(): C[] {
    const calls = [...this.#pending.values()];
    this.#pending.clear();
    return calls;
  }

  /** Drops a previous socket that is still around, so its late events are ignored. */
  #detach(): void {
    const previous = this.#socket;
    if (previous === undefined) return;
    this.#socket = undefined;
    const waiters = this.#closeWaiters;
    this.#closeWaiters = [];
    const event = { code: 1000, reason: '', wasClean: true };
    for (const resolve of waiters) resolve(event);
    if (previous.readyState <= SOCKET_OPEN) previous.close(1000, '');
  }
}

function noWriter(): void {
  throw new Error('No socket is open');
}
