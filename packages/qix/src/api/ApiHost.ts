import type { CallOptions } from './CallOptions.js';
import type { MethodDescriptor } from './MethodDescriptor.js';

/** The object behind an API's methods: the session that sends its calls. */
export interface ApiHost {
  /** Sends a call with the arguments as the caller gave them (named or positional). */
  invoke(api: object, descriptor: MethodDescriptor, args: unknown[]): Promise<unknown>;
  /** Sends a call whose params are already positional. */
  invokePositional(
    api: object,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown>;
  /** Told when traffic listeners are added to or removed from an API object. */
  trafficListenersChanged(delta: number): void;
}
