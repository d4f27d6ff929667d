import { createHash } from 'node:crypto';
import { toText } from '../../value/toText.js';
import type { Value } from '../../value/Value.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';

/**
 * Hash of the texts of all arguments, written in base64 without padding.
 * The digests differ from Qlik's, whose encoding is not documented; what
 * scripts rely on holds: the same values give the same key, and the width
 * (22, 27 or 43 characters) is fixed.
 */
function hashOf(algorithm: 'md5' | 'sha1' | 'sha256'): FunctionEntry {
  return fn(
    1,
    Infinity,
    (args: readonly Value[]) => {
      const hash = createHash(algorithm);
      // A separator no text holds keeps ('ab','c') and ('a','bc') apart.
      args.forEach((v, i) =>
        hash.update((i > 0 ? '\u0000' : '') + (v === null ? '\u0001' : toText(v))),
      );
      return hash.digest('base64').replace(/=+$/, '');
    },
    'expr {, expression}',
  );
}

/** Hash128, Hash160 and Hash256 over any number of values. */
export const HASH_FUNCTIONS = functionFamily('STR', {
  Hash128: hashOf('md5'),
  Hash160: hashOf('sha1'),
  Hash256: hashOf('sha256'),
});
