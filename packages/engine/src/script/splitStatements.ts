import type { RawStatement } from './RawStatement.js';
import { ScriptError } from './ScriptError.js';
import type { SourceMap } from './SourceMap.js';

/** Control statements end at a semicolon or at the end of their line. */
const LINE_ENDED = new Set([
  'END',
  'FOR',
  'NEXT',
  'DO',
  'LOOP',
  'SUB',
  'CALL',
  'EXIT',
  'SWITCH',
  'CASE',
]);
/** Control words that are a whole statement by themselves: the statement ends right after them. */
const ONE_WORD = new Set(['ELSE', 'DEFAULT', 'ENDIF', 'ENDSUB', 'ENDSWITCH']);
/** Statements whose text is free-form up to the first semicolon, quotes included. */
const RAW_TO_SEMICOLON = new Set(['REM', 'TRACE']);

/**
 * Splits a script into statements. Comments (`//`, `/* *\/`, `REM ...;`) are
 * dropped; strings, `[bracketed]` names and INLINE data may hold `;`.
 * Control statements (IF, FOR, NEXT, ...) also end at the end of their line,
 * and IF/ELSEIF clauses right after THEN, so a body may follow on the line.
 */
export function splitStatements(script: string, sourceMap: SourceMap): RawStatement[] {
  const text = blankComments(script, sourceMap);
  const statements: RawStatement[] = [];
  let pos = 0;
  while (pos < text.length) {
    pos = skipBlank(text, pos);
    if (pos >= text.length) break;
    if (text[pos] === ';') {
      pos++;
      continue;
    }
    const keyword = statementKeyword(text, pos);
    const end = findStatementEnd(text, pos, keyword, sourceMap);
    if (keyword !== 'REM') {
      const raw = text.slice(pos, end).replace(/\s+$/, '');
      if (raw.length > 0) statements.push({ text: raw, start: pos });
    }
    pos = end < text.length && text[end] === ';' ? end + 1 : end;
  }
  return statements;
}

function skipBlank(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && /\s/.test(text[p])) p++;
  return p;
}

/**
 * The statement's first word upper-cased, or '' when it starts with a table
 * label (`call_list:`, `End:`), which makes it a regular statement whatever
 * the label's name.
 */
function statementKeyword(text: string, pos: number): string {
  const match = /^[A-Za-z][\w.]*/.exec(text.slice(pos, pos + 64));
  if (!match) return '';
  const after = /^\s*:(?!=)/.exec(text.slice(pos + match[0].length, pos + match[0].length + 64));
  return after ? '' : match[0].toUpperCase();
}

function findStatementEnd(
  text: string,
  start: number,
  keyword: string,
  sourceMap: SourceMap,
): number {
  if (RAW_TO_SEMICOLON.has(keyword)) {
    const semicolon = text.indexOf(';', start);
    return semicolon < 0 ? text.length : semicolon;
  }
  if (ONE_WORD.has(keyword)) return start + keyword.length;
  if (keyword === 'END') return endOfEnd(text, start);
  const lineEnded = LINE_ENDED.has(keyword);
  // An IF condition may span lines: the clause ends at THEN.
  const endsAtThen = keyword === 'IF' || keyword === 'ELSEIF';
  let pos = start;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === ';' || (lineEnded && ch === '\n')) return pos;
    if (ch === "'" || ch === '"' || ch === '`') pos = skipQuoted(text, pos, ch, sourceMap);
    else if (ch === '[') pos = skipBracket(text, pos, sourceMap);
    else if (endsAtThen && isWordAt(text, pos, 'THEN')) return pos + 4;
    else pos++;
  }
  return pos;
}

/** `END IF`, `END SUB`, `END SWITCH` end after their second word; a bare END at its line's end. */
function endOfEnd(text: string, start: number): number {
  const match = /^END[ \t]+(IF|SUB|SWITCH)\b/i.exec(text.slice(start, start + 32));
  if (match) return start + match[0].length;
  const eol = text.slice(start).search(/[;\n]/);
  return eol < 0 ? text.length : start + eol;
}

function isWordAt(text: string, pos: number, word: string): boolean {
  if (pos > 0 && /[\w$#.]/.test(text[pos - 1])) return false;
  if (text.slice(pos, pos + word.length).toUpperCase() !== word) return false;
  const after = text[pos + word.length];
  return after === undefined || !/[\w$#.]/.test(after);
}

function skipQuoted(text: string, open: number, quote: string, sourceMap: SourceMap): number {
  let pos = open + 1;
  for (;;) {
    const close = text.indexOf(quote, pos);
    if (close < 0)
      throw new ScriptError(
        'SCRIPT_SYNTAX',
        `Unterminated ${quote} quote`,
        sourceMap.positionOf(open),
      );
    if (text[close + 1] !== quote) return close + 1;
    pos = close + 2;
  }
}

function skipBracket(text: string, open: number, sourceMap: SourceMap): number {
  const close = text.indexOf(']', open + 1);
  if (close < 0)
    throw new ScriptError('SCRIPT_SYNTAX', 'Unterminated [ bracket', sourceMap.positionOf(open));
  return close + 1;
}

/**
 * Replaces comments with blanks (keeping line breaks) so offsets still point
 * into the original script. `//` right after ':' is part of a URL
 * (`lib://`), not a comment.
 */
function blankComments(script: string, sourceMap: SourceMap): string {
  let out = '';
  let pos = 0;
  let copiedTo = 0;
  const blank = (from: number, to: number): void => {
    out += script.slice(copiedTo, from) + script.slice(from, to).replace(/[^\n]/g, ' ');
    copiedTo = to;
  };
  while (pos < script.length) {
    const ch = script[pos];
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = findQuoteEnd(script, pos, ch);
      pos = close;
    } else if (ch === '[') {
      const close = script.indexOf(']', pos + 1);
      pos = close < 0 ? script.length : close + 1;
    } else if (ch === '/' && script[pos + 1] === '/' && script[pos - 1] !== ':') {
      const eol = script.indexOf('\n', pos);
      const end = eol < 0 ? script.length : eol;
      blank(pos, end);
      pos = end;
    } else if (ch === '/' && script[pos + 1] === '*') {
      const close = script.indexOf('*/', pos + 2);
      if (close < 0)
        throw new ScriptError(
          'SCRIPT_SYNTAX',
          'Unterminated /* comment',
          sourceMap.positionOf(pos),
        );
      blank(pos, close + 2);
      pos = close + 2;
    } else if (
      isWordAt(script, pos, 'REM') &&
      isStatementStart(out + script.slice(copiedTo, pos))
    ) {
      const semicolon = script.indexOf(';', pos);
      const end = semicolon < 0 ? script.length : semicolon;
      blank(pos, end);
      pos = end;
    } else pos++;
  }
  return out + script.slice(copiedTo);
}

/** Quotes inside comments or TRACE text must not open strings; a quote that never closes ends at its line. */
function findQuoteEnd(script: string, open: number, quote: string): number {
  let pos = open + 1;
  for (;;) {
    const close = script.indexOf(quote, pos);
    if (close < 0) {
      const eol = script.indexOf('\n', open);
      return eol < 0 ? script.length : eol;
    }
    if (script[close + 1] !== quote) return close + 1;
    pos = close + 2;
  }
}

/** REM starts a comment only as a statement's first word. */
function isStatementStart(before: string): boolean {
  const previous = before.replace(/\s+$/, '');
  return (
    previous === '' ||
    previous.endsWith(';') ||
    (/(^|\n)[ \t]*$/.test(before) && isLineControlEnd(previous))
  );
}

/** After a control clause on its own line (e.g. `IF x THEN`), a REM on the next line is a statement start too. */
function isLineControlEnd(previous: string): boolean {
  const lastLine = previous
    .slice(previous.lastIndexOf('\n') + 1)
    .trim()
    .toUpperCase();
  return (
    /^(IF|ELSEIF|ELSE|END|ENDIF|ENDSUB|ENDSWITCH|FOR|NEXT|DO|LOOP|SUB|CALL|EXIT|SWITCH|CASE|DEFAULT)\b/.test(
      lastLine,
    ) || /\bTHEN$/.test(lastLine)
  );
}
