import { isSharedJson } from '../../app/layout/sharedJson.js';
import { ownJsonText } from '../../value/ownJsonText.js';

// The JSON of each shared value, made once (they never change).
const texts = new WeakMap<object, string>();

// Shared values and pages sit near the top of an answer (result → qLayout →
// qHyperCube, result → qDataPages → page); deeper than this, plain
// JSON.stringify is faster than looking for them.
const SEARCH_DEPTH = 4;

// Arrays are looked into when this short (a list of pages); longer ones are plain data.
const SEARCH_LENGTH = 16;

/**
 * `JSON.stringify(value)`, reusing the text of the shared values (see
 * `shareJson`) it holds near its top, so that a cached chart's layout is
 * written once for all the sessions that receive it, and letting values
 * that write their own JSON (a data page, see `ownJsonText`) write it.
 */
export function jsonText(value: unknown, depth = SEARCH_DEPTH): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (isSharedJson(value)) return sharedText(value);
  return walkedText(value, depth);
}

function walkedText(value: object, depth: number): string {
  const own = ownJsonText(value);
  if (own !== undefined) return own;
  if (depth > 0 && Array.isArray(value) && value.length <= SEARCH_LENGTH) {
    let text = '[';
    for (let i = 0; i < value.length; i++)
      text += (i > 0 ? ',' : '') + jsonText(value[i] as unknown, depth - 1);
    return `${text}]`;
  }
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

// A shared layout holds its data pages this deep (qHyperCube → qDataPages → page).
const SHARED_DEPTH = 2;

function sharedText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = walkedText(value, SHARED_DEPTH);
    texts.set(value, text);
  }
  return text;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  if (Array.isArray(value) || 'toJSON' in value) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
