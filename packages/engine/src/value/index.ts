// The value layer's public surface, for the package index and the layers above.
export { Dual, type Value } from './Value.js';
export { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from './FormatSettings.js';
export type { NumberSeparators } from './NumberSeparators.js';
export { isNull } from './isNull.js';
export { hasNumber } from './hasNumber.js';
export { toNumber } from './toNumber.js';
export { toText } from './toText.js';
export { textToNumber } from './textToNumber.js';
export { numberToText } from './numberToText.js';
export { TRUE, FALSE, isTrue, fromBoolean } from './truth.js';
export { compareValues, compareTexts } from './compareValues.js';
export { compareForOperator, compareCodeUnits } from './compareForOperator.js';
export { formatNumber } from './formatNumber.js';
export { formatNumberPattern } from './formatNumberPattern.js';
export { formatDate } from './formatDate.js';
export { formatInterval } from './formatInterval.js';
export { parseNumber } from './parseNumber.js';
export { parseDate } from './parseDate.js';
export { toDateSerial } from './toDateSerial.js';
export { isDateFormat } from './tokenizeDateFormat.js';
export {
  serialFromParts,
  partsFromSerial,
  serialFromDate,
  dayOf,
  type DateParts,
} from './dateSerial.js';
export { weekOf, startOfWeek, type WeekRules } from './weekNumber.js';
export { matchWildcard } from './matchWildcard.js';
export { roundDecimal } from './roundDecimal.js';
export { parseInterval } from './parseInterval.js';
export { monthStart, quarterStart, yearStart, addMonths } from './calendarPeriods.js';
