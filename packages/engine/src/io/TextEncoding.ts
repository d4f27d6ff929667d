/** Character sets a text data file may be in: Qlik's `utf8`, `ansi` (Windows-1252) and `unicode` (UTF-16LE). */
export type TextEncoding = 'utf8' | 'ansi' | 'utf16le';

/** The WHATWG decoder label for an encoding. */
export function decoderLabel(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf8':
      return 'utf-8';
    case 'ansi':
      return 'windows-1252';
    case 'utf16le':
      return 'utf-16le';
  }
}
