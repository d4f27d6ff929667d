import { findTopLevelWord } from './findTopLevelWord.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptError } from './ScriptError.js';
import type { Block, LoopTest, ScriptNode } from './ScriptNode.js';
import type { SourceMap } from './SourceMap.js';

/** Words that close or split an enclosing block. */
type Terminator =
  | 'ELSEIF'
  | 'ELSE'
  | 'END IF'
  | 'NEXT'
  | 'LOOP'
  | 'END SUB'
  | 'CASE'
  | 'DEFAULT'
  | 'END SWITCH'
  | 'EOF';

/**
 * Turns the flat statement list into nested blocks (IF, FOR, DO, SUB,
 * SWITCH), failing with the position of an unmatched or missing closer.
 */
export function buildProgram(statements: readonly RawStatement[], sourceMap: SourceMap): Block {
  return new ProgramBuilder(statements, sourceMap).build();
}

class ProgramBuilder {
  private index = 0;

  constructor(
    private readonly statements: readonly RawStatement[],
    private readonly sourceMap: SourceMap,
  ) {}

  build(): Block {
    const { body, terminator, at } = this.readBlock(['EOF']);
    if (terminator !== 'EOF' && at) throw this.error(at, `Unexpected ${terminator}`);
    return body;
  }

  private error(at: RawStatement, message: string, offset = 0): ScriptError {
    return new ScriptError('SCRIPT_SYNTAX', message, this.sourceMap.positionOf(at.start + offset));
  }

  /** Reads nodes until one of `until` (or any other closer, which is an error for the caller). */
  private readBlock(until: readonly Terminator[]): {
    body: ScriptNode[];
    terminator: Terminator;
    at?: RawStatement;
  } {
    const body: ScriptNode[] = [];
    while (this.index < this.statements.length) {
      const raw = this.statements[this.index];
      const terminator = terminatorOf(raw.text);
      if (terminator) {
        if (!until.includes(terminator))
          throw this.error(raw, `${terminator} without a matching opening statement`);
        this.index++;
        return { body, terminator, at: raw };
      }
      this.index++;
      body.push(this.readNode(raw));
    }
    return { body, terminator: 'EOF' };
  }

  private expectClose(
    opener: RawStatement,
    until: readonly Terminator[],
    name: string,
  ): { body: ScriptNode[]; terminator: Terminator; at?: RawStatement } {
    const result = this.readBlock(until);
    if (result.terminator === 'EOF') throw this.error(opener, `${name} is never closed`);
    return result;
  }

  private readNode(raw: RawStatement): ScriptNode {
    const word = leadingWords(raw.text, 1);
    switch (word) {
      case 'IF':
        return this.readIf(raw);
      case 'FOR':
        return this.readFor(raw);
      case 'DO':
        return this.readDo(raw);
      case 'SUB':
        return this.readSub(raw);
      case 'SWITCH':
        return this.readSwitch(raw);
      default:
        return { kind: 'statement', raw };
    }
  }

  private readIf(opener: RawStatement): ScriptNode {
    const branches: { condition: RawStatement; body: Block }[] = [];
    let clause = opener;
    let keywordLength = 2;
    let otherwise: Block | undefined;
    for (;;) {
      const condition = this.conditionOf(clause, keywordLength);
      const { body, terminator, at } = this.expectClose(opener, ['ELSEIF', 'ELSE', 'END IF'], 'IF');
      branches.push({ condition, body });
      if (terminator === 'ELSEIF' && at) {
        clause = at;
        keywordLength = 6;
        continue;
      }
      if (terminator === 'ELSE') otherwise = this.expectClose(opener, ['END IF'], 'IF').body;
      return { kind: 'if', branches, otherwise };
    }
  }

  /** The text between IF/ELSEIF and THEN. */
  private conditionOf(clause: RawStatement, keywordLength: number): RawStatement {
    const then = findTopLevelWord(clause.text, 'THEN', keywordLength);
    if (then < 0) throw this.error(clause, 'Expected THEN', clause.text.length);
    return slice(clause, keywordLength, then);
  }

  private readFor(opener: RawStatement): ScriptNode {
    const text = opener.text;
    const eachMatch = /^FOR\s+EACH\s+/i.exec(text);
    if (eachMatch) {
      const inAt = findTopLevelWord(text, 'IN', eachMatch[0].length);
      if (inAt < 0) throw this.error(opener, 'Expected IN in FOR EACH', text.length);
      const variable = text.slice(eachMatch[0].length, inAt).trim();
      const list = slice(opener, inAt + 2, text.length);
      const body = this.expectClose(opener, ['NEXT'], 'FOR EACH').body;
      return { kind: 'forEach', at: opener, variable, list, body };
    }
    const equals = text.indexOf('=');
    const toAt = findTopLevelWord(text, 'TO', equals + 1);
    if (equals < 0 || toAt < 0)
      throw this.error(opener, 'Expected FOR variable = start TO end', text.length);
    const variable = text.slice(3, equals).trim();
    const stepAt = findTopLevelWord(text, 'STEP', toAt + 2);
    const from = slice(opener, equals + 1, toAt);
    const to = slice(opener, toAt + 2, stepAt < 0 ? text.length : stepAt);
    const step = stepAt < 0 ? undefined : slice(opener, stepAt + 4, text.length);
    const body = this.expectClose(opener, ['NEXT'], 'FOR').body;
    return { kind: 'for', at: opener, variable, from, to, step, body };
  }

  private readDo(opener: RawStatement): ScriptNode {
    const before = loopTestOf(opener, 2);
    const { body, at } = this.expectClose(opener, ['LOOP'], 'DO');
    const after = at ? loopTestOf(at, 4) : undefined;
    return { kind: 'do', at: opener, before, after, body };
  }

  private readSub(opener: RawStatement): ScriptNode {
    const match = /^SUB\s+([^\s(]+)\s*(?:\((.*)\))?\s*$/is.exec(opener.text);
    if (!match) throw this.error(opener, 'Expected SUB name(parameters)');
    const params = match[2]
      ? match[2]
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '')
      : [];
    const body = this.expectClose(opener, ['END SUB'], 'SUB').body;
    return { kind: 'sub', name: match[1], params, body };
  }

  private readSwitch(opener: RawStatement): ScriptNode {
    const subject = slice(opener, 6, opener.text.length);
    const cases: { values: RawStatement; body: Block }[] = [];
    let otherwise: Block | undefined;
    let { terminator, at } = this.expectClose(opener, ['CASE', 'DEFAULT', 'END SWITCH'], 'SWITCH');
    while (terminator !== 'END SWITCH' && at) {
      const clause = at;
      const next = this.expectClose(opener, ['CASE', 'DEFAULT', 'END SWITCH'], 'SWITCH');
      if (terminator === 'CASE')
        cases.push({ values: slice(clause, 4, clause.text.length), body: next.body });
      else otherwise = next.body;
      ({ terminator, at } = next);
    }
    return { kind: 'switch', subject, cases, otherwise };
  }
}

/** Part of a clause, starting at its first non-blank character so errors point at it. */
function slice(raw: RawStatement, from: number, to: number): RawStatement {
  const text = raw.text.slice(from, to);
  const leading = text.length - text.trimStart().length;
  return { ...raw, text: text.slice(leading), start: raw.start + from + leading };
}

/** `WHILE cond` / `UNTIL cond` after DO or LOOP. */
function loopTestOf(raw: RawStatement, keywordLength: number): LoopTest | undefined {
  const rest = raw.text.slice(keywordLength);
  const match = /^\s+(WHILE|UNTIL)\b/i.exec(rest);
  if (!match) return undefined;
  return {
    until: match[1].toUpperCase() === 'UNTIL',
    condition: slice(raw, keywordLength + match[0].length, raw.text.length),
  };
}

/**
 * The first one or two words upper-cased and joined by one space; '' when the
 * statement starts with a table label (`If_Table:`) or a longer name.
 */
function leadingWords(text: string, count: 1 | 2): string {
  const match = /^\s*([A-Za-z][\w.]*)(?:[ \t]+([A-Za-z]+)\b)?/.exec(text);
  if (!match || !/^[A-Za-z]+$/.test(match[1])) return '';
  if (/^\s*[A-Za-z][\w.]*\s*:(?!=)/.test(text)) return '';
  const words = count === 2 && match[2] ? [match[1], match[2]] : [match[1]];
  return words.join(' ').toUpperCase();
}

function terminatorOf(text: string): Terminator | undefined {
  const first = leadingWords(text, 1);
  if (
    first === 'ELSEIF' ||
    first === 'ELSE' ||
    first === 'NEXT' ||
    first === 'LOOP' ||
    first === 'CASE' ||
    first === 'DEFAULT'
  ) {
    return first;
  }
  if (first === 'ENDIF') return 'END IF';
  if (first === 'ENDSUB') return 'END SUB';
  if (first === 'ENDSWITCH') return 'END SWITCH';
  if (first === 'END') {
    const two = leadingWords(text, 2);
    if (two === 'END IF' || two === 'END SUB' || two === 'END SWITCH') return two;
  }
  return undefined;
}
