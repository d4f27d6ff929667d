import type { BNFDefMetaType, FunctionGroup } from '@qlikit/qix';
import { AGGREGATIONS } from '../expression/aggregations/aggregationRegistry.js';
import { COLOR_FUNCTIONS } from '../expression/functions/colorFunctions.js';
import { CONDITIONAL_FUNCTIONS } from '../expression/functions/conditionalFunctions.js';
import { CONVERSION_FUNCTIONS } from '../expression/functions/conversionFunctions.js';
import { DATE_FUNCTIONS } from '../expression/functions/dateFunctions.js';
import { HASH_FUNCTIONS } from '../expression/functions/hashFunctions.js';
import { NUMERIC_FUNCTIONS } from '../expression/functions/numericFunctions.js';
import { PERIOD_FUNCTIONS } from '../expression/functions/periodFunctions.js';
import { RANGE_FUNCTIONS } from '../expression/functions/rangeFunctions.js';
import { STRING_FUNCTIONS } from '../expression/functions/stringFunctions.js';

/** One BNFDef of GetBNF: a function the engine evaluates, with Qlik's flags. */
export interface BnfDef {
  readonly qBnf: number[];
  readonly qNbr: number;
  readonly qPNbr: number;
  readonly qHelpId: number;
  readonly qName: string;
  readonly qStr: string;
  readonly qIsBnfRule: boolean;
  readonly qScriptStatement: boolean;
  readonly qControlStatement: boolean;
  readonly qBnfLiteral: boolean;
  readonly qQvFunc: boolean;
  readonly qAggrFunc: boolean;
  readonly qFG: FunctionGroup;
  readonly qFieldFlag: boolean;
  readonly qMT: BNFDefMetaType;
  readonly qDepr: boolean;
  readonly qFGList: FunctionGroup[];
}

// Function groups (FunctionGroup) of the engine's function tables, named as Qlik names them.
const GROUPS: readonly [group: FunctionGroup, names: readonly string[]][] = [
  ['AGGR', [...AGGREGATIONS.keys()]],
  ['STR', [...Object.keys(STRING_FUNCTIONS), ...Object.keys(HASH_FUNCTIONS)]],
  ['NUM', Object.keys(NUMERIC_FUNCTIONS)],
  ['RNG', Object.keys(RANGE_FUNCTIONS)],
  ['CND', Object.keys(CONDITIONAL_FUNCTIONS)],
  ['FRMT', Object.keys(CONVERSION_FUNCTIONS)],
  ['DATE', [...Object.keys(DATE_FUNCTIONS), ...Object.keys(PERIOD_FUNCTIONS)]],
  ['CLR', Object.keys(COLOR_FUNCTIONS)],
];

/**
 * GetBNF's definitions: one entry per function the engine knows, which is
 * what editors use them for (highlighting and completing function names).
 * The grammar rules themselves are not exposed. Script and chart expressions
 * share one function library here, so both types answer the same list.
 */
export function bnfDefs(): BnfDef[] {
  const seen = new Set<string>();
  const defs: BnfDef[] = [];
  for (const [group, names] of GROUPS) {
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      defs.push({
        qBnf: [],
        qNbr: defs.length,
        qPNbr: -1,
        qHelpId: 0,
        qName: name,
        qStr: name,
        qIsBnfRule: false,
        qScriptStatement: false,
        qControlStatement: false,
        qBnfLiteral: false,
        qQvFunc: true,
        qAggrFunc: group === 'AGGR',
        qFG: group,
        qFieldFlag: false,
        qMT: 'N',
        qDepr: false,
        qFGList: [group],
      });
    }
  }
  return defs;
}
