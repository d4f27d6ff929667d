import type { ScalarFunction } from '../expression/EvalContext.js';
import { serialFromDate, serialFromParts } from '../value/dateSerial.js';
import { formatDate } from '../value/formatDate.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { Dual, type Value } from '../value/Value.js';
import type { FileFact } from './FileFacts.js';
import { ScriptFault } from './ScriptFault.js';

/** What the file functions read from the running script. */
export interface FileFunctionHost {
  /** The script path of the table file the current LOAD reads, undefined when it reads none. */
  currentFile(): string | undefined;
  /** Size and time of that file. */
  currentFileFact(): FileFact | null | undefined;
  /** Size, time and QVD header of a file the running statement names (read before it ran). */
  namedFileFact(scriptPath: string): FileFact | null | undefined;
}

function asTimestamp(serial: number, settings: FormatSettings): Dual {
  return new Dual(formatDate(serial, settings.timestampFormat, settings), serial);
}

/** A QVD header's `2024-01-31 09:05:00` as a serial; undefined when it is no such text. */
function headerTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return serialFromParts(y!, mo!, d!, h!, mi!, s!);
}

/**
 * File functions (Qlik's "File functions" page): they tell about the table
 * file the current LOAD reads, or about the file their first argument names,
 * and answer NULL when there is no such file (or, for the Qvd functions, when
 * it is no QVD).
 */
export function fileFunctions(host: FileFunctionHost): [string, ScalarFunction][] {
  /** The path a call is about: its argument, else the current file; undefined for neither. */
  const pathOf = (args: readonly Value[]): string | undefined =>
    args.length > 0 && args[0] !== null ? toText(args[0]!) : host.currentFile();
  const factOf = (name: string, args: readonly Value[]): FileFact | null | undefined => {
    if (args.length === 0 || args[0] === null) return host.currentFileFact() ?? null;
    const path = toText(args[0]!);
    const fact = host.namedFileFact(path);
    if (fact === undefined)
      throw new ScriptFault(
        'SCRIPT_NOT_SUPPORTED',
        `${name}('${path}'): the file must be named in the statement as text ('...' or '$(variable)'); a path computed per row is not supported`,
      );
    return fact;
  };
  const qvdOf = (name: string, args: readonly Value[]) => factOf(name, args)?.qvd ?? undefined;
  const namePart = (path: string | undefined) =>
    path === undefined ? null : path.replace(/^.*[/\\]/, '');
  return [
    ['FILENAME', (args) => namePart(pathOf(args))],
    [
      'FILEBASENAME',
      (args) => {
        const name = namePart(pathOf(args));
        return name === null ? null : name.replace(/\.[^.]*$/, '');
      },
    ],
    [
      'FILEEXTENSION',
      (args) => {
        const name = namePart(pathOf(args));
        return name === null ? null : (/\.([^.]*)$/.exec(name)?.[1] ?? '');
      },
    ],
    ['FILEPATH', (args) => pathOf(args) ?? null],
    [
      'FILEDIR',
      (args) => {
        const path = pathOf(args);
        return path === undefined ? null : path.replace(/[/\\][^/\\]*$/, '');
      },
    ],
    ['FILESIZE', (args) => factOf('FileSize', args)?.size ?? null],
    [
      'FILETIME',
      (args, ctx) => {
        const fact = factOf('FileTime', args);
        return fact ? asTimestamp(serialFromDate(fact.modified), ctx.format) : null;
      },
    ],
    [
      'QVDCREATETIME',
      (args, ctx) => {
        const serial = headerTime(qvdOf('QvdCreateTime', args)?.createUtcTime ?? '');
        return serial === undefined ? null : asTimestamp(serial, ctx.format);
      },
    ],
    ['QVDNOOFRECORDS', (args) => qvdOf('QvdNoOfRecords', args)?.recordCount ?? null],
    ['QVDNOOFFIELDS', (args) => qvdOf('QvdNoOfFields', args)?.fields.length ?? null],
    [
      'QVDFIELDNAME',
      (args) => {
        const fields = qvdOf('QvdFieldName', args)?.fields;
        return fields?.[toNumber(args[1] ?? null) - 1]?.name ?? null;
      },
    ],
    ['QVDTABLENAME', (args) => qvdOf('QvdTableName', args)?.tableName ?? null],
  ];
}
