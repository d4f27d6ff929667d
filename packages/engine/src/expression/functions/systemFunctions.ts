import { toText } from '../../value/toText.js';
import { fn, functionFamily } from '../FunctionSpec.js';

/** The version this engine reports (EngineVersion, ProductVersion): the spec it implements. */
export const ENGINE_VERSION = '12.2528.0';

/**
 * System functions that need no app: the engine's version and the collation
 * locale. (The app's own — DocumentName, OSUser, ReloadTime ... — are in
 * app/appFunctions.)
 */
export const SYSTEM_FUNCTIONS = functionFamily('SYS', {
  EngineVersion: fn(0, 0, () => ENGINE_VERSION),
  ProductVersion: fn(0, 0, () => ENGINE_VERSION),
  // The CollationLocale variable when the script set it, else the machine's locale.
  GetCollationLocale: fn(0, 0, (_, ctx) => {
    const set = ctx.variable?.('CollationLocale');
    return set === undefined || set === null || toText(set) === ''
      ? new Intl.Collator().resolvedOptions().locale
      : toText(set);
  }),
});
