import { isContainer } from '../delta/isContainer.js';

const RETURN_KEY = 'qReturn';

/**
 * Picks what an API call resolves with from a JSON-RPC result: `qReturn`
 * wins, else the single Out param, else the whole result. A few engine
 * methods break that pattern and are normalised first.
 */
export function unwrapResult(
  method: string,
  outKey: string | -1 | undefined,
  result: unknown,
): unknown {
  if (!isContainer(result)) return result;
  const record = result as Record<string, unknown>;
  if (method === 'CreateSessionApp' || method === 'CreateSessionAppFromApp') {
    // The app id comes as a second Out param; the API object needs it as its id.
    const ref = record[RETURN_KEY] as Record<string, unknown> | undefined;
    if (ref) ref.qGenericId = record.qSessionAppId || ref.qGenericId;
  } else if (
    method === 'GetInteract' ||
    method === 'StoreTempSelectionState' ||
    method === 'CreateTemporaryBookmark'
  ) {
    // These answer a boolean qReturn next to the value that matters.
    delete record[RETURN_KEY];
  }
  if (Object.hasOwn(record, RETURN_KEY)) return record[RETURN_KEY];
  if (outKey !== -1 && outKey !== undefined) return record[outKey];
  return record;
}
