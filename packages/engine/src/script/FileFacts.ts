import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { QvdTableHeader } from '../io/qvd/QvdHeader.js';
import { readQvdHeader } from '../io/qvd/readQvdFile.js';

/** What the file functions read of one file: its size, when it changed and, for a QVD, its header. */
export interface FileFact {
  readonly size: number;
  readonly modified: Date;
  /** The QVD header; null when the file is no QVD, undefined when it was not asked for. */
  readonly qvd?: QvdTableHeader | null;
}

// The file functions that read a file named by their first argument.
const FILE_CALL =
  /\b(FileSize|FileTime|QvdCreateTime|QvdNoOfRecords|QvdNoOfFields|QvdFieldName|QvdTableName)\s*\(\s*'((?:[^']|'')*)'/gi;

/**
 * The files a statement's file functions name, read before it runs: the
 * expression evaluator is synchronous and file access is not, so a statement
 * text is scanned (after dollar expansion, so `FileTime('$(vFile)')` counts)
 * and every path written in it is resolved and read first. A path that does
 * not exist has a null fact (the functions answer NULL, as Qlik's do).
 */
export class FileFacts {
  private facts = new Map<string, FileFact | null>();
  private current: { readonly absolute: string; fact?: FileFact | null } | undefined;

  constructor(private readonly resolve: (scriptPath: string) => Promise<string>) {}

  /** Reads the files the statement text names; the facts of the statement before are dropped. */
  async prefetch(text: string): Promise<void> {
    this.facts = new Map();
    for (const match of text.matchAll(FILE_CALL)) {
      const path = match[2]!.replaceAll("''", "'");
      const wantsQvd = match[1]!.toLowerCase().startsWith('qvd');
      const known = this.facts.get(path);
      if (known === null || (known && (!wantsQvd || known.qvd !== undefined))) continue;
      this.facts.set(path, await this.read(path, wantsQvd));
    }
  }

  /** The fact of a path the running statement names; undefined when it was not read before. */
  named(scriptPath: string): FileFact | null | undefined {
    return this.facts.get(scriptPath);
  }

  /** Sets the table file the current LOAD reads (undefined when it reads none). */
  setCurrent(absolute: string | undefined): void {
    this.current = absolute === undefined ? undefined : { absolute };
  }

  /** The fact of the file the current LOAD reads, read once per file. */
  currentFact(): FileFact | null | undefined {
    const current = this.current;
    if (!current) return undefined;
    if (current.fact === undefined) {
      try {
        const info = statSync(current.absolute);
        current.fact = { size: info.size, modified: info.mtime };
      } catch {
        current.fact = null;
      }
    }
    return current.fact;
  }

  private async read(scriptPath: string, wantsQvd: boolean): Promise<FileFact | null> {
    const absolute = await this.resolve(scriptPath);
    let fact: FileFact;
    try {
      const info = await stat(absolute);
      if (!info.isFile()) return null;
      fact = { size: info.size, modified: info.mtime };
    } catch {
      return null;
    }
    if (!wantsQvd) return fact;
    try {
      return { ...fact, qvd: await readQvdHeader(absolute, scriptPath) };
    } catch {
      return { ...fact, qvd: null };
    }
  }
}
