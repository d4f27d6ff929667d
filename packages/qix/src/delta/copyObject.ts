import { setMember } from './setMember.js';

// On Node, copies are instances of a bare function whose prototype is Object.prototype: to a
// program they are plain objects (same prototype, same constructor), but V8 lays out a
// constructor's objects with room for several members in place. Node 20's spread (`{ ...o }`)
// is fast only while its call site has seen at most 4 hidden classes, and each copy of a copy
// has a new one; past that it defines each member on an empty literal (4 members in place, the
// rest in an array regrown every 3): in a delta client's patch loop a 24-member object took
// 840 bytes (216 laid out in place) and each patch of bench/engine-server's layout about 540
// bytes more in all. Browsers get the spread (copyObject.browser.ts): the runtime bundle has
// no bytes to spare.
const Copy = function () {} as unknown as new () => Record<string, unknown>;
Copy.prototype = Object.prototype;
// Inside a for-in V8 can answer `hasOwnProperty.call(source, key)` from the loop's keys;
// `Object.hasOwn` measured about 0.5 µs more per patch of that layout.
const { hasOwnProperty } = Object.prototype;

/**
 * A copy of an object's own enumerable members, each value passed through
 * `member` when given. A "__proto__" member is copied as data.
 */
export function copyObject(
  source: Record<string, unknown>,
  member?: (value: unknown) => unknown,
): Record<string, unknown> {
  const copy = new Copy();
  for (const key in source) {
    if (hasOwnProperty.call(source, key)) {
      setMember(copy, key, member ? member(source[key]) : source[key]);
    }
  }
  return copy;
}
