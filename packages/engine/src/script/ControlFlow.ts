import type { Expr } from '../expression/Expr.js';
import { numberToText } from '../value/numberToText.js';
import { toText } from '../value/toText.js';
import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import { ControlSignal } from './ControlSignal.js';
import type { FileFacts } from './FileFacts.js';
import { forEachItems } from './forEachItems.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptFault } from './ScriptFault.js';
import type { Block, LoopTest, ScriptNode } from './ScriptNode.js';
import type { ScriptEvaluator } from './ScriptEvaluator.js';
import type { ScriptVariables } from './ScriptVariables.js';
import type { StatementErrors } from './StatementErrors.js';

type SubNode = Extract<ScriptNode, { kind: 'sub' }>;

/** What running a script's control structures needs from the interpreter. */
export interface ControlFlowHost {
  readonly evaluator: ScriptEvaluator;
  readonly errors: StatementErrors;
  readonly fileFacts: FileFacts;
  readonly vars: ScriptVariables;
  /** Throws when the reload was aborted. */
  checkAborted(): void;
  /** Runs one statement (not a control structure). */
  runStatement(raw: RawStatement): Promise<void>;
  /** The values of a field in the tables loaded so far (FOR EACH ... IN FieldValueList). */
  fieldValues(field: string): Value[];
  /** The files or folders a mask names (FOR EACH ... IN FileList / DirList). */
  fileList(mask: string, raw: RawStatement, directories?: boolean): Promise<string[]>;
}

/**
 * The control structures of a script: IF, FOR, FOR EACH, DO, SWITCH, and SUB
 * definitions with their CALLs. EXIT FOR / DO / SUB arrive as ControlSignals
 * thrown by the statement that exits.
 */
export class ControlFlow {
  private readonly subs = new Map<string, SubNode>();

  constructor(private readonly host: ControlFlowHost) {}

  /** Runs a block's nodes in order. */
  async runBlock(block: Block): Promise<void> {
    for (const node of block) await this.runNode(node);
  }

  /** CALL: runs a defined SUB with its parameters bound, restoring their variables after. */
  async call(name: string, args: readonly Expr[], raw: RawStatement): Promise<void> {
    const { evaluator, vars } = this.host;
    const sub = this.subs.get(name.toUpperCase());
    if (!sub) throw new ScriptFault('SCRIPT_RUNTIME', `Subroutine '${name}' is not defined`);
    const values = args.map((arg) => evaluator.evaluate(arg, raw));
    const saved = sub.params.map((param) => vars.texts.get(param));
    sub.params.forEach((param, i) =>
      vars.set(param, i < values.length && values[i] !== null ? toText(values[i]) : undefined),
    );
    try {
      await this.runBlock(sub.body);
    } catch (signal) {
      if (!(signal instanceof ControlSignal && signal.target === 'sub')) throw signal;
    } finally {
      sub.params.forEach((param, i) => vars.set(param, saved[i]));
    }
  }

  private async runNode(node: ScriptNode): Promise<void> {
    const { evaluator, fileFacts } = this.host;
    this.host.checkAborted();
    switch (node.kind) {
      case 'statement':
        return this.host.runStatement(node.raw);
      case 'if':
        for (const branch of node.branches) {
          await fileFacts.prefetch(evaluator.expand(branch.condition));
          if (isTrue(evaluator.evaluateRaw(branch.condition))) return this.runBlock(branch.body);
        }
        if (node.otherwise) await this.runBlock(node.otherwise);
        return;
      case 'for':
        return this.runFor(node);
      case 'forEach':
        return this.runForEach(node);
      case 'do':
        return this.runDo(node);
      case 'sub':
        this.subs.set(node.name.toUpperCase(), node);
        return;
      case 'switch':
        return this.runSwitch(node);
    }
  }

  private async runLoop(target: 'for' | 'do', body: Block): Promise<boolean> {
    try {
      await this.runBlock(body);
      return true;
    } catch (signal) {
      if (signal instanceof ControlSignal && signal.target === target) return false;
      throw signal;
    }
  }

  private async runFor(node: Extract<ScriptNode, { kind: 'for' }>): Promise<void> {
    const { evaluator } = this.host;
    const from = evaluator.numberOf(node.from);
    const to = evaluator.numberOf(node.to);
    const step = node.step ? evaluator.numberOf(node.step) : 1;
    if (step === 0 || Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(step)) {
      throw this.host.errors.at(
        'SCRIPT_RUNTIME',
        'FOR needs numeric bounds and a non-zero STEP',
        node.at,
      );
    }
    for (let value = from; step > 0 ? value <= to : value >= to; value += step) {
      this.host.vars.texts.set(node.variable, numberToText(value));
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  private async runForEach(node: Extract<ScriptNode, { kind: 'forEach' }>): Promise<void> {
    const items = await forEachItems(node.list, {
      evaluator: this.host.evaluator,
      errors: this.host.errors,
      fieldValues: (field) => this.host.fieldValues(field),
      fileList: (mask, raw, directories) => this.host.fileList(mask, raw, directories),
    });
    for (const item of items) {
      this.host.vars.texts.set(node.variable, item);
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  private async runDo(node: Extract<ScriptNode, { kind: 'do' }>): Promise<void> {
    for (;;) {
      if (node.before && !(await this.loopTestPasses(node.before))) return;
      if (!(await this.runLoop('do', node.body))) return;
      if (node.after && !(await this.loopTestPasses(node.after))) return;
      this.host.checkAborted();
    }
  }

  private async loopTestPasses(test: LoopTest): Promise<boolean> {
    const { evaluator } = this.host;
    await this.host.fileFacts.prefetch(evaluator.expand(test.condition));
    const value = isTrue(evaluator.evaluateRaw(test.condition));
    return test.until ? !value : value;
  }

  private async runSwitch(node: Extract<ScriptNode, { kind: 'switch' }>): Promise<void> {
    const { evaluator, errors } = this.host;
    const subject = evaluator.evaluateRaw(node.subject);
    for (const branch of node.cases) {
      const cursor = errors.cursorFor(evaluator.expand(branch.values), branch.values);
      const values: Value[] = [];
      do values.push(evaluator.evaluate(cursor.readExpression(), branch.values));
      while (cursor.acceptChar(','));
      cursor.expectEnd();
      if (values.some((value) => sameValue(value, subject))) return this.runBlock(branch.body);
    }
    if (node.otherwise) await this.runBlock(node.otherwise);
  }
}

function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  return keyOf(a) === keyOf(b) || toText(a) === toText(b);
}
