/**
 * Members every engine API object has, whatever its class. The generated class
 * interfaces (`Global`, `Doc`, `GenericObject`, ...) extend this.
 */
export interface QixObjectBase<TClass extends string = string> {
  /** qGenericId of the object; 'Global' for the global object. */
  readonly id: string;
  /** Engine class: 'Global', 'Doc', 'GenericObject', ... */
  readonly type: TClass;
  /** qGenericType of the object (e.g. 'barchart'), or the class when it has none. */
  readonly genericType: string;
  /** Engine handle; changes when a suspended session resumes. */
  readonly handle: number;
  /** Listens to `changed` (the layout is invalid) or `closed` (the handle is gone). */
  on(event: 'changed' | 'closed', listener: () => void): this;
  /** Listens to this object's JSON-RPC traffic, both directions. */
  on(
    event: 'traffic:*',
    listener: (direction: 'sent' | 'received', message: unknown) => void,
  ): this;
  /** Listens to this object's requests or responses. */
  on(event: 'traffic:sent' | 'traffic:received', listener: (message: unknown) => void): this;
  /** Listens once to `changed` or `closed`. */
  once(event: 'changed' | 'closed', listener: () => void): this;
  /** Listens once to this object's next JSON-RPC message, either direction. */
  once(
    event: 'traffic:*',
    listener: (direction: 'sent' | 'received', message: unknown) => void,
  ): this;
  /** Listens once to this object's next request or response. */
  once(event: 'traffic:sent' | 'traffic:received', listener: (message: unknown) => void): this;
  /** Removes a listener added with `on` or `once`. */
  off(event: 'changed' | 'closed', listener: () => void): this;
  /** Removes a `traffic:*` listener. */
  off(
    event: 'traffic:*',
    listener: (direction: 'sent' | 'received', message: unknown) => void,
  ): this;
  /** Removes a `traffic:sent` or `traffic:received` listener. */
  off(event: 'traffic:sent' | 'traffic:received', listener: (message: unknown) => void): this;
}
