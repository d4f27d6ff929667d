/** How a delimited text file (CSV, TXT, INLINE) is laid out. */
export interface DelimitedFormat {
  /** One character, or 'spaces' for runs of spaces and tabs. */
  readonly delimiter: string;
  /** 'msq': double quotes at a field's start, doubled inside; 'none': quotes are data. */
  readonly quoting: 'msq' | 'standard' | 'none';
  /** Strip spaces (and tabs, unless tab delimits) around unquoted fields, as Qlik does. */
  readonly trim: boolean;
  /** Hand canonical integers over as numbers instead of texts (a fast path for loading). */
  readonly integers?: boolean;
}

/** Comma-separated with standard quoting and trimming. */
export const CSV_FORMAT: DelimitedFormat = { delimiter: ',', quoting: 'standard', trim: true };
