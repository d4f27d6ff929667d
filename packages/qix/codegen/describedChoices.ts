import { enumLiterals } from './enumLiterals.js';
import type { JsonSchema } from './OpenRpcSpec.js';

const CONSTANT = /^[A-Z][A-Z0-9_]+$/;
const BULLET = /^\*\s+([A-Za-z0-9_]+)(?:\s+or\s+([A-Z][A-Z0-9_]+))?\s*$/;

/**
 * The wire values a plain string lists in its description
 * ("One of:\n* S or SCRIPT_TEXT_SCRIPT\n* E or ..."), short name first.
 * Only lists where every bullet is such a constant count: prose bullets
 * ("* Path and name of the app") leave the string free.
 */
export function describedChoices(description: string | undefined): string[] | undefined {
  const at = description?.indexOf('One of:') ?? -1;
  if (!description || at < 0) return undefined;
  const bullets =
    description
      .slice(at + 'One of:'.length)
      .trim()
      .split(/\n\s*\n/)[0]
      ?.split('\n') ?? [];
  const values: string[] = [];
  for (const bullet of bullets) {
    const match = BULLET.exec(bullet.trim());
    if (!match?.[1]) return undefined;
    if (!match[2] && !CONSTANT.test(match[1])) return undefined;
    values.push(match[1], ...(match[2] ? [match[2]] : []));
  }
  return values.length > 0 ? values : undefined;
}

/** Enum schemas by their sorted accepted values, to name a described list when it matches one. */
export function enumsByValues(
  schemas: Readonly<Record<string, JsonSchema>>,
): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const name of Object.keys(schemas).sort()) {
    const members = schemas[name]?.oneOf;
    if (members) index.set([...enumLiterals(members)].sort().join('|'), name);
  }
  return index;
}

/** The type of a plain string whose description lists its values: the matching enum, else a literal union. */
export function describedChoiceType(
  description: string | undefined,
  enums: ReadonlyMap<string, string>,
): string | undefined {
  const values = describedChoices(description);
  if (!values) return undefined;
  return enums.get([...values].sort().join('|')) ?? values.map((v) => `'${v}'`).join(' | ');
}
