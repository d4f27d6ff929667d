import type { DataFiles } from '../io/DataFiles.js';

/** The data files a script reads and writes: relative paths are under the folder DIRECTORY named. */
export class ScriptFiles {
  /** The folder of the last DIRECTORY statement. */
  directory: string | undefined;

  constructor(private readonly files: DataFiles) {}

  /** A relative path under the folder DIRECTORY named, as Qlik resolves it. */
  inDirectory(scriptPath: string): string {
    if (this.directory === undefined || /^lib:\/\//i.test(scriptPath)) return scriptPath;
    return `${this.directory.replace(/[/\\]$/, '')}/${scriptPath}`;
  }

  /** The file a script path names, to read or to write. */
  resolve(scriptPath: string, purpose?: 'read' | 'write'): Promise<string> {
    return this.files.resolve(this.inDirectory(scriptPath), purpose);
  }

  /** The files (or folders) a mask matches (FileList, DirList, FOR EACH ... IN FileList). */
  list(mask: string, kind: 'files' | 'folders'): Promise<string[]> {
    return this.files.list(this.inDirectory(mask), kind);
  }
}
