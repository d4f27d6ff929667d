import { isSharedJson } from '../../app/layout/sharedJson.js';

// The JSON of each shared value, made once (they never change).
const texts = new WeakMap<object, string>();

// Shared values sit near the top of an answer (result → qLayout → qHyperCube);
// deeper than this, plain JSON.stringify is faster than looking for them.
const SEARCH_DEPTH = 4;

/**
 * `JSON.stringify(value)`, reusing the text of the shared values (see
 * `shareJson`) it holds near its top: a cached chart's layout is written
 * once for all the sessions that receive it.
 */
export function jsonText(value: unknown, depth = SEARCH_DEPTH): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (isSharedJson(value)) return sharedText(value);
  if (depth === 0 || !isPlainObject(value)) return JSON.stringify(value);
  let text = '{';
  for (const key in value) {
    const member = value[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
      continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${jsonText(member, depth - 1)}`;
  }
  return `${text}}`;
}

function sharedText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  if (Array.isArray(value) || 'toJSON' in value) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
