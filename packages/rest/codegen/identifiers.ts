/** Casing, plural and identifier helpers shared by the generator. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async'
  ).split(' '),
);

/** Splits any name (kebab, snake, dotted, camel) into words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** 'data-files' → 'DataFiles'; a leading digit gets a `T` so the result is an identifier. */
export function pascalCase(name: string): string {
  const joined = words(name)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
  if (joined === '') return 'Anonymous';
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

/** 'data-files' → 'dataFiles'. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const leadingCaps = /^[A-Z]+(?=[A-Z][a-z]|[0-9]|$)/.exec(pascal);
  if (leadingCaps && leadingCaps[0].length > 1) {
    return leadingCaps[0].toLowerCase() + pascal.slice(leadingCaps[0].length);
  }
  return pascal[0].toLowerCase() + pascal.slice(1);
}

/** English singular of the last word of a kebab-case noun ('reload-tasks' → 'reload-task'). */
export function singularize(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(noun);
  if (!match) return noun;
  const [, head, last] = match;
  return head + singularWord(last);
}

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  if (
    /(ss|us|is|data|media|news|series|metadata|settings)$/.test(lower) &&
    !/statuses$/.test(lower)
  ) {
    return lower.endsWith('settings') ? word.slice(0, -1) : word;
  }
  if (lower.endsWith('ies') && lower.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zes|statuses|aliases)$/.test(lower)) return word.slice(0, -2);
  if (lower.endsWith('s') && lower.length > 2) return word.slice(0, -1);
  return word;
}

/** True when `name` can be written bare as a JS identifier. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** True when `name` is a reserved word, unusable as a variable or function name. */
export function isReserved(name: string): boolean {
  return RESERVED.has(name);
}

/** An object key as written in source: bare when possible, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}
