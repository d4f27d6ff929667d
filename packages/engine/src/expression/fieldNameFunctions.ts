/**
 * Upper-cased names of the field functions whose first argument is a
 * field's name, written bare or quoted (`GetSelectedCount(Customer)`): the
 * parser reads a bare name there as the name, not as the field's value.
 */
export const FIELD_NAME_FUNCTIONS: ReadonlySet<string> = new Set([
  'GETFIELDSELECTIONS',
  'GETSELECTEDCOUNT',
  'GETPOSSIBLECOUNT',
  'GETEXCLUDEDCOUNT',
  'GETALTERNATIVECOUNT',
  'GETNOTSELECTEDCOUNT',
]);
