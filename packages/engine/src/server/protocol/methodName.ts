// Method names are matched in any case, as the engine accepts them. These run
// for every request, so they compare char codes instead of lower-casing a copy
// of the name or testing a regular expression.

/** Whether a method's name starts with "get" in any case (the methods answered with deltas). */
export function isGetter(method: string): boolean {
  return startsWithName(method, 'get');
}

/** Whether a method's name is `lowerName` (all lower-case letters) in any case. */
export function isMethod(method: string, lowerName: string): boolean {
  return method.length === lowerName.length && startsWithName(method, lowerName);
}

function startsWithName(method: string, lowerName: string): boolean {
  if (method.length < lowerName.length) return false;
  // For a lower-case letter, `| 32` maps exactly its upper-case twin onto it.
  for (let i = 0; i < lowerName.length; i++)
    if ((method.charCodeAt(i) | 32) !== lowerName.charCodeAt(i)) return false;
  return true;
}

/** The spellings of method names seen, lower-cased; bounded in count and length, since clients choose them. */
const lowered = new Map<string, string>();
const LOWERED_KEPT = 512;
const LOWERED_LONGEST = 64;

/** A method's name in lower case (the key of its delta bases), without a new string per request. */
export function lowerMethodName(method: string): string {
  let lower = lowered.get(method);
  if (lower === undefined) {
    lower = method.toLowerCase();
    if (lowered.size < LOWERED_KEPT && method.length <= LOWERED_LONGEST) lowered.set(method, lower);
  }
  return lower;
}
