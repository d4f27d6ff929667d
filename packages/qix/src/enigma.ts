import type { Mixin } from './api/Mixin.js';
import { errorCodes } from './errors/errorCodes.js';
import { QixError } from './errors/QixError.js';
import type { QixSchema } from './schema/QixSchema.js';
import type { RequestInterceptor, ResponseInterceptor } from './session/Interceptors.js';
import type { ReconnectOptions } from './session/ReconnectOptions.js';
import { EnigmaSession } from './compat/EnigmaSession.js';
import type { CreateSocket } from './transport/SocketLike.js';

/** enigma.js's `create()` configuration, plus qlikit's `reconnect`, `timeout` and `deltaResults`. */
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
  /** `'copies'` by default here: patched results are deep copies, as enigma.js gives (`'shared'`: read-only, faster). */
  readonly deltaResults?: 'shared' | 'copies';
}

/**
 * Creates a session as enigma.js's `create()` does. The config object is not
 * changed: `session.config` is a copy with the defaults filled in. (There is
 * no -7 PROMISE_REQUIRED: this code needs ES2022, which always has Promise.)
 */
function create(config: EnigmaConfig): Session {
  if (!config)
    throw new QixError(errorCodes.NO_CONFIG_SUPPLIED, 'You need to supply a configuration.');
  return new EnigmaSession(
    {
      Promise,
      suspendOnClose: false,
      mixins: [],
      // enigma.js deep-copies every patched result: programs written for it may change theirs.
      deltaResults: 'copies',
      ...config,
      protocol: { delta: true, ...config.protocol },
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
export type Session = EnigmaSession;
