import type { Value } from '../value/Value.js';
import type { RowArgument } from './RowArgument.js';
import { symbolValues } from './symbolValues.js';

/** The value of every item of an argument (null for null, numbers as numbers). */
export function argumentValues(arg: RowArgument): readonly Value[] {
  switch (arg.kind) {
    case 'values':
      return arg.values;
    case 'numbers':
      return Array.from(arg.values, (num) => (num === num ? num : null));
    case 'computed':
      return Array.from(arg.kernel.run(), (num) => (num === num ? num : null));
    case 'field': {
      const values = symbolValues(arg.source.field);
      const { codes, rows } = arg.source;
      const out: Value[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = values[codes[rows[i]!]!]!;
      return out;
    }
    case 'star':
      return new Array<Value>(arg.length).fill(1);
  }
}
