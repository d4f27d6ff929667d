import type { Mixin } from './api/Mixin.js';
import type { Global } from './generated/classes.js';
import { errorCodes } from './errors/errorCodes.js';
import { QixError } from './errors/QixError.js';
import type { QixSchema } from './schema/QixSchema.js';
import type { RequestInterceptor, ResponseInterceptor } from './session/Interceptors.js';
import type { ReconnectOptions } from './session/ReconnectOptions.js';
import { Session as QixSession } from './session/Session.js';
import type { CreateSocket } from './transport/SocketLike.js';

/** enigma.js's `create()` configuration, plus qlikit's `reconnect` and `timeout`. */
export interface EnigmaConfig {
  readonly schema: QixSchema;
  readonly url: string;
  readonly createSocket?: CreateSocket;
  /** Accepted for compatibility; native promises are used. */
  readonly Promise?: PromiseConstructor;
  readonly suspendOnClose?: boolean;
  readonly mixins?: readonly Mixin[];
  readonly requestInterceptors?: readonly RequestInterceptor<Session>[];
  readonly responseInterceptors?: readonly ResponseInterceptor<Session>[];
  readonly protocol?: Readonly<Record<string, unknown>>;
  /** Off by default here, so socket loss behaves as in enigma.js. */
  readonly reconnect?: boolean | ReconnectOptions;
  readonly timeout?: number;
}

/** Creates a session exactly as enigma.js's `create()` does; the config object is not changed. */
function create(config: EnigmaConfig): Session {
  if (!config)
    throw new QixError(errorCodes.NO_CONFIG_SUPPLIED, 'You need to supply a configuration.');
  if (!config.Promise && typeof Promise === 'undefined') {
    throw new QixError(
      errorCodes.PROMISE_REQUIRED,
      'Your environment has no Promise implementation. You must provide a Promise implementation in the config.',
    );
  }
  return new QixSession<Global>(
    {
      url: config.url,
      schema: config.schema,
      createSocket: config.createSocket,
      suspendOnClose: config.suspendOnClose ?? false,
      mixins: config.mixins,
      requestInterceptors: config.requestInterceptors,
      responseInterceptors: config.responseInterceptors,
      protocol: config.protocol,
      reconnect: config.reconnect,
      timeout: config.timeout,
      mixinConfig: config,
    },
    false,
  );
}

/** The enigma.js-compatible entry: `import enigma from '@qlikit/qix/enigma'; enigma.create(config)`. */
const enigma = { create };

export default enigma;
export { create };
/** The session `create()` returns: its `open()` resolves the typed `Global`. */
export type Session = QixSession<Global>;
