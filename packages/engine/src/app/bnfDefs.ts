import type { BNFDefMetaType, FunctionGroup } from '@qlikit/qix';
import { AGGREGATIONS } from '../expression/aggregations/aggregationRegistry.js';
import { BUILTIN_FUNCTIONS } from '../expression/functions/builtinFunctions.js';

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

// Every function with its Qlik function group: the aggregations, then the scalar families.
const GROUPS: readonly [group: FunctionGroup, name: string][] = [
  ...[...AGGREGATIONS.values()].map((spec): [FunctionGroup, string] => ['AGGR', spec.name]),
  ...[...BUILTIN_FUNCTIONS.values()].map((spec): [FunctionGroup, string] => [
    spec.group,
    spec.name,
  ]),
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
  for (const [group, name] of GROUPS) {
    {
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
