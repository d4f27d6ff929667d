import type { RawStatement } from './RawStatement.js';

/** A sequence of nodes run in order. */
export type Block = readonly ScriptNode[];

/**
 * The control structure of a script, built before it runs. Conditions and
 * bounds stay raw text: `$(...)` expansion happens each time they are
 * evaluated, as in Qlik.
 */
export type ScriptNode =
  | { readonly kind: 'statement'; readonly raw: RawStatement }
  | {
      readonly kind: 'if';
      readonly branches: readonly { readonly condition: RawStatement; readonly body: Block }[];
      readonly otherwise?: Block;
    }
  | {
      readonly kind: 'for';
      readonly at: RawStatement;
      readonly variable: string;
      readonly from: RawStatement;
      readonly to: RawStatement;
      readonly step?: RawStatement;
      readonly body: Block;
    }
  | {
      readonly kind: 'forEach';
      readonly at: RawStatement;
      readonly variable: string;
      readonly list: RawStatement;
      readonly body: Block;
    }
  | {
      readonly kind: 'do';
      readonly at: RawStatement;
      readonly before?: LoopTest;
      readonly after?: LoopTest;
      readonly body: Block;
    }
  | {
      readonly kind: 'sub';
      readonly name: string;
      readonly params: readonly string[];
      readonly body: Block;
    }
  | {
      readonly kind: 'switch';
      readonly subject: RawStatement;
      readonly cases: readonly { readonly values: RawStatement; readonly body: Block }[];
      readonly otherwise?: Block;
    };

/** `WHILE cond` or `UNTIL cond` on a DO or LOOP. */
export interface LoopTest {
  readonly until: boolean;
  readonly condition: RawStatement;
}
