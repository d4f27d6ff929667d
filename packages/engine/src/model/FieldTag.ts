/**
 * System tags Qlik derives for a field at the end of a reload. `$date` and
 * `$timestamp` are only set when the script says so (DataModel options),
 * because a number alone cannot tell a date from a count.
 */
export type FieldTag =
  | '$system'
  | '$key'
  | '$keypart'
  | '$syn'
  | '$hidden'
  | '$numeric'
  | '$integer'
  | '$text'
  | '$ascii'
  | '$date'
  | '$timestamp'
  // A tag the script gave a field with TAG FIELD ... WITH '...'.
  | (string & {});
