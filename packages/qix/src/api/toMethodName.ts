/** The API method name of a wire method: the first letter lower-cased (`OSName` → `oSName`). */
export function toMethodName(method: string): string {
  return method.charAt(0).toLowerCase() + method.slice(1);
}
