/** Maps each event name to the argument tuple its listeners receive. */
export type EventMap = { [event: string]: unknown[] };

type AnyListener = (...args: unknown[]) => void;

interface OnceWrapper {
  (...args: unknown[]): void;
  readonly listener: AnyListener;
}

/**
 * A small typed event emitter. Listener lists are created on first use, so an
 * object that nobody listens to pays one empty field.
 */
export class Emitter<E extends EventMap> {
  #eventListeners: Map<string, AnyListener[]> | undefined = undefined;

  /** Adds a listener. */
  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    const map = (this.#eventListeners ??= new Map());
    const list = map.get(event);
    if (list) list.push(listener as unknown as AnyListener);
    else map.set(event, [listener as unknown as AnyListener]);
    this.listenerCountChanged(event, 1);
    return this;
  }

  /** Alias of `on`, for code written against Node's EventEmitter. */
  addListener<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    return this.on(event, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    const wrapper = ((...args: unknown[]) => {
      this.off(event, wrapper as unknown as (...args: E[K]) => void);
      (listener as (...a: unknown[]) => void)(...args);
    }) as OnceWrapper;
    (wrapper as { listener: AnyListener }).listener = listener as unknown as AnyListener;
    return this.on(event, wrapper as unknown as (...args: E[K]) => void);
  }

  /** Removes a listener added with `on` or `once`. */
  off<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    const list = this.#eventListeners?.get(event);
    if (!list) return this;
    const index = list.findIndex(
      (entry) =>
        entry === (listener as unknown) ||
        (entry as Partial<OnceWrapper>).listener === (listener as unknown),
    );
    if (index >= 0) {
      list.splice(index, 1);
      this.listenerCountChanged(event, -1);
    }
    if (list.length === 0) this.#eventListeners!.delete(event);
    return this;
  }

  /** Alias of `off`, for code written against Node's EventEmitter. */
  removeListener<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    return this.off(event, listener);
  }

  /** Removes every listener of one event, or of all events. */
  removeAllListeners(event?: keyof E & string): this {
    const map = this.#eventListeners;
    if (map === undefined) return this;
    for (const [name, list] of map) {
      if (event === undefined || name === event) this.listenerCountChanged(name, -list.length);
    }
    if (event === undefined) this.#eventListeners = undefined;
    else map.delete(event);
    return this;
  }

  /** Called when listeners of an event are added (+n) or removed (-n); subclasses keep counts. */
  protected listenerCountChanged(_event: string, _delta: number): void {}

  /** Whether anyone listens to the event. */
  hasListeners(event: keyof E & string): boolean {
    return this.#eventListeners !== undefined && this.#eventListeners.has(event);
  }

  /** Calls every listener of the event with the arguments; returns whether there was one. */
  emit<K extends keyof E & string>(event: K, ...args: E[K]): boolean {
    const list = this.#eventListeners?.get(event);
    if (!list) return false;
    // A snapshot, because `once` listeners remove themselves while we iterate.
    const snapshot = list.length === 1 ? list : list.slice();
    for (const listener of snapshot) (listener as (...a: unknown[]) => void)(...args);
    return true;
  }
}
