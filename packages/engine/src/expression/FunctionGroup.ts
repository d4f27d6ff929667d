/**
 * Qlik's function groups (the spec's FunctionGroup), as GetFunctions and
 * GetBNF name them: AGGR aggregation, NUM numeric, RNG range, EXP exponential
 * and logarithmic, TRIG trigonometric, FIN financial, MATH constants, COUNT
 * counter, STR string, MAPP mapping, RCRD inter-record, CND conditional, LOG
 * logical, NULL, SYS system, FILE, TBL table, DATE date and time, NUMI number
 * interpretation, FRMT formatting, CLR color, RNK ranking, GEO geospatial,
 * PROB statistical distribution.
 */
export type FunctionGroup =
  | 'AGGR'
  | 'NUM'
  | 'RNG'
  | 'EXP'
  | 'TRIG'
  | 'FIN'
  | 'MATH'
  | 'COUNT'
  | 'STR'
  | 'MAPP'
  | 'RCRD'
  | 'CND'
  | 'LOG'
  | 'NULL'
  | 'SYS'
  | 'FILE'
  | 'TBL'
  | 'DATE'
  | 'NUMI'
  | 'FRMT'
  | 'CLR'
  | 'RNK'
  | 'GEO'
  | 'PROB';

/** Where a function may be called: in the load script, in chart expressions, or both. */
export type FunctionContext = 'script' | 'chart';
