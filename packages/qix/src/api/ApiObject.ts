import { Emitter } from '../events/Emitter.js';
import type { ApiEvents } from './ApiEvents.js';
import type { ApiHost } from './ApiHost.js';
import type { QixObjectBase } from './QixObjectBase.js';

/**
 * The base of every engine API object. Per-class subclasses carry the
 * methods on their prototype; an instance holds only its identity and handle.
 */
export class ApiObject<TSession extends ApiHost = ApiHost>
  extends Emitter<ApiEvents>
  implements QixObjectBase
{
  /** The engine class; set on each class's prototype. */
  declare readonly type: string;

  constructor(
    /** The session this object lives in. */
    readonly session: TSession,
    /** Engine handle; changes when the session resumes on a new socket. */
    public handle: number,
    /** qGenericId of the object; 'Global' for the global object. */
    readonly id: string,
    /** qGenericType of the object, or its class when it has none. */
    readonly genericType: string,
  ) {
    super();
  }

  protected override listenerCountChanged(event: string, delta: number): void {
    // The session skips building traffic events while nobody listens to any.
    if (event.startsWith('traffic')) this.session.trafficListenersChanged(delta);
  }
}

/** An API object's constructor as the factory builds it. */
export type ApiObjectClass = new (
  session: ApiHost,
  handle: number,
  id: string,
  genericType: string,
) => ApiObject;
