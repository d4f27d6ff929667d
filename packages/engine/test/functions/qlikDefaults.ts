import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../../src/value/FormatSettings.js';

/**
 * The settings most help-page examples run under: the variables of a new
 * US-English Qlik Sense app, with dates written MM/DD/YYYY ("Unless
 * otherwise specified, the examples in this topic use the following date
 * format: MM/DD/YYYY") and weeks starting on Monday.
 */
export const HELP_PAGE_SETTINGS: FormatSettings = {
  ...DEFAULT_FORMAT_SETTINGS,
  dateFormat: 'MM/DD/YYYY',
  timeFormat: 'h:mm:ss TT',
  timestampFormat: 'MM/DD/YYYY h:mm:ss[.fff] TT',
  moneyFormat: '$#,##0.00;-$#,##0.00',
};

/** The same with dates written DD/MM/YYYY, as a few pages use. */
export const DAY_FIRST_SETTINGS: FormatSettings = {
  ...HELP_PAGE_SETTINGS,
  dateFormat: 'DD/MM/YYYY',
  timestampFormat: 'DD/MM/YYYY hh:mm:ss[.fff]',
};
