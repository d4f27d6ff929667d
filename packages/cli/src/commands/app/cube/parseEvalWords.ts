import { usageError } from '../../../errors/CliError.js';
import type { CubeQuery } from './CubeQuery.js';

/**
 * Reads qlik-cli's eval grammar:
 * `[<measure>...] [by <dimension>...] [where <field> is <value>...]`.
 */
export function parseEvalWords(words: readonly string[]): CubeQuery {
  const measures: string[] = [];
  const dimensions: string[] = [];
  const selections = new Map<string, string[]>();
  let part: 'measures' | 'by' | 'where' = 'measures';
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word === 'by' && part === 'measures') part = 'by';
    else if (word === 'where' && part !== 'where') part = 'where';
    else if (part === 'measures') measures.push(word);
    else if (part === 'by') dimensions.push(word);
    else {
      if (words[index + 1] !== 'is' || words[index + 2] === undefined) {
        throw usageError(
          `After where, write <field> is <value> (got '${words.slice(index).join(' ')}').`,
        );
      }
      selections.set(word, [...(selections.get(word) ?? []), words[index + 2]!]);
      index += 2;
    }
  }
  if (measures.length === 0 && dimensions.length === 0) {
    throw usageError('Nothing to evaluate: give a measure, or by <dimension>.');
  }
  return { dimensions, measures, selections };
}

/** Reads `--select Field=Value` flags (repeat the flag for several values or fields). */
export function parseSelections(flags: readonly string[]): Map<string, string[]> {
  const selections = new Map<string, string[]>();
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at < 1) throw usageError(`--select ${flag}: write Field=Value.`);
    const field = flag.slice(0, at);
    selections.set(field, [...(selections.get(field) ?? []), flag.slice(at + 1)]);
  }
  return selections;
}
