import { createHash } from 'node:crypto';
import type { BNFDefMetaType, FunctionGroup as QixFunctionGroup } from '@qlikit/qix';
import { FUNCTION_CATALOG, type FunctionInfo } from './functionCatalog.js';
import { SCRIPT_KEYWORDS } from './scriptStatements.js';

/** One BNFDef of GetBNF / GetBaseBNF. */
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
  readonly qFG: QixFunctionGroup;
  readonly qFieldFlag: boolean;
  readonly qMT: BNFDefMetaType;
  readonly qDepr: boolean;
  readonly qFGList: QixFunctionGroup[];
}

/** The grammar of one type: its definitions, their text and the text's hash. */
export interface BnfGrammar {
  readonly defs: readonly BnfDef[];
  readonly text: string;
  readonly hash: string;
}

const OPERATORS = [
  '+',
  '-',
  '*',
  '/',
  '&',
  '=',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  'and',
  'or',
  'xor',
  'not',
  'like',
  'precedes',
  'follows',
  'bitand',
  'bitor',
  'bitxor',
  'bitnot',
  '>>',
  '<<',
];

function blank(qNbr: number, qName: string): BnfDef {
  return {
    qBnf: [],
    qNbr,
    qPNbr: -1,
    qHelpId: 0,
    qName,
    qStr: '',
    qIsBnfRule: false,
    qScriptStatement: false,
    qControlStatement: false,
    qBnfLiteral: false,
    qQvFunc: false,
    qAggrFunc: false,
    qFG: 'NONE',
    qFieldFlag: false,
    qMT: 'N',
    qDepr: false,
    qFGList: [],
  };
}

/** Builds the definitions: literals once each, rules referring to them by number. */
class GrammarBuilder {
  readonly defs: BnfDef[] = [];
  private readonly literals = new Map<string, number>();
  private readonly rules = new Map<string, number>();

  literal(text: string): number {
    let at = this.literals.get(text);
    if (at === undefined) {
      at = this.defs.length;
      this.defs.push({ ...blank(at, text), qStr: text, qBnfLiteral: true });
      this.literals.set(text, at);
    }
    return at;
  }

  /** A rule by name, created empty the first time it is referred to. */
  ruleRef(name: string): number {
    let at = this.rules.get(name);
    if (at === undefined) {
      at = this.defs.length;
      this.defs.push({ ...blank(at, name), qIsBnfRule: true });
      this.rules.set(name, at);
    }
    return at;
  }

  /** Adds an alternative of a rule (a rule with several alternatives has one definition each). */
  alternative(
    name: string,
    parts: readonly number[],
    extra: Partial<BnfDef> = {},
    parent = -1,
  ): number {
    const first = this.rules.get(name);
    const reuse = first !== undefined && this.defs[first]!.qBnf.length === 0;
    const at = reuse ? first : this.defs.length;
    const def: BnfDef = {
      ...blank(at, name),
      qIsBnfRule: true,
      qBnf: [...parts],
      qPNbr: parent,
      ...extra,
    };
    if (reuse) this.defs[at] = def;
    else this.defs.push(def);
    if (first === undefined) this.rules.set(name, at);
    return at;
  }

  /** A function: its name token (flagged as Qlik flags function names) and its call rule. */
  function(info: FunctionInfo, parent: number): void {
    const group = info.group as QixFunctionGroup;
    const flags: Partial<BnfDef> = {
      qQvFunc: !info.aggregation,
      qAggrFunc: info.aggregation,
      qFG: group,
      qFGList: [group],
    };
    const at = this.defs.length;
    this.defs.push({ ...blank(at, info.name), qStr: info.name, qPNbr: parent, ...flags });
    const parts = [at, this.literal('(')];
    if (info.signature.slice(info.signature.indexOf('(') + 1, -1).trim() !== '')
      parts.push(this.ruleRef('argument_list'));
    parts.push(this.literal(')'));
    this.alternative(`${info.name}_call`, parts, flags, parent);
  }
}

/** The expression grammar both types share. */
function expressionRules(g: GrammarBuilder): number {
  const expression = g.alternative('expression', [g.ruleRef('term')]);
  g.alternative('expression', [
    g.ruleRef('term'),
    g.ruleRef('binary_operator'),
    g.ruleRef('expression'),
  ]);
  for (const op of OPERATORS) g.alternative('binary_operator', [g.literal(op)]);
  g.alternative('term', [g.ruleRef('number')]);
  g.alternative('term', [g.ruleRef('string')]);
  g.alternative('term', [g.ruleRef('field_name')]);
  g.alternative('term', [g.ruleRef('function_call')]);
  g.alternative('term', [g.literal('('), g.ruleRef('expression'), g.literal(')')]);
  g.alternative('term', [g.literal('-'), g.ruleRef('term')]);
  g.alternative('argument_list', [g.ruleRef('argument')]);
  g.alternative('argument_list', [
    g.ruleRef('argument'),
    g.literal(','),
    g.ruleRef('argument_list'),
  ]);
  g.alternative('argument', [g.ruleRef('expression')]);
  g.alternative('argument', [g.ruleRef('qualifier'), g.ruleRef('argument')]);
  for (const word of ['DISTINCT', 'NODISTINCT', 'ALL', 'TOTAL'])
    g.alternative('qualifier', [g.literal(word)]);
  g.alternative('qualifier', [
    g.literal('TOTAL'),
    g.literal('<'),
    g.ruleRef('field_list'),
    g.literal('>'),
  ]);
  g.alternative('qualifier', [g.literal('{'), g.ruleRef('set_expression'), g.literal('}')]);
  return expression;
}

function scriptRules(g: GrammarBuilder): number {
  const script = g.alternative('script', [g.ruleRef('statement'), g.literal(';')]);
  const add = (words: readonly string[], extra: Partial<BnfDef>) => {
    for (const word of words) g.alternative('statement', [g.literal(word)], extra, script);
  };
  add(SCRIPT_KEYWORDS.control, { qControlStatement: true, qScriptStatement: true });
  add(SCRIPT_KEYWORDS.prefixes, { qScriptStatement: true });
  add(SCRIPT_KEYWORDS.statements, { qScriptStatement: true });
  return script;
}

/** The grammar as text: one `name ::= part part ...` line per rule, literals quoted. */
function grammarText(defs: readonly BnfDef[]): string {
  return defs
    .filter((def) => def.qIsBnfRule && def.qBnf.length > 0)
    .map((def) => {
      const parts = def.qBnf.map((n) => {
        const part = defs[n]!;
        return part.qBnfLiteral || (!part.qIsBnfRule && part.qStr) ? `"${part.qStr}"` : part.qName;
      });
      return `${def.qName} ::= ${parts.join(' ')}`;
    })
    .join('\n');
}

const cache = new Map<'S' | 'E', BnfGrammar>();

/**
 * The grammar GetBNF and GetBaseBNF answer: for 'E' the chart expression
 * syntax and every function charts may call, for 'S' the script statements
 * and every function scripts may call, all read from the function registries.
 */
export function bnfGrammar(type: 'S' | 'E'): BnfGrammar {
  let grammar = cache.get(type);
  if (!grammar) {
    const g = new GrammarBuilder();
    const root = type === 'S' ? scriptRules(g) : expressionRules(g);
    if (type === 'S') expressionRules(g);
    const context = type === 'S' ? 'script' : 'chart';
    const calls = g.ruleRef('function_call');
    for (const info of FUNCTION_CATALOG) {
      if (!info.contexts.includes(context)) continue;
      g.function(info, root);
      g.alternative('function_call', [g.ruleRef(`${info.name}_call`)], {}, calls);
    }
    const text = grammarText(g.defs);
    grammar = { defs: g.defs, text, hash: createHash('sha256').update(text).digest('hex') };
    cache.set(type, grammar);
  }
  return grammar;
}

/** The grammar type a request names ('S' or 'E', also by their long names); 'S' when it names none. */
export function bnfType(value: string | undefined): 'S' | 'E' {
  return value === 'E' || value === 'SCRIPT_TEXT_EXPRESSION' ? 'E' : 'S';
}
