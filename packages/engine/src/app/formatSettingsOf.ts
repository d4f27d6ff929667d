import { applyFormatVariable } from '../script/applyFormatVariable.js';
import type { FormatSettings } from '../value/FormatSettings.js';

/** The format settings an app's script variables (DateFormat, ThousandSep, ...) leave behind. */
export function formatSettingsOf(
  variables: Readonly<Record<string, string>>,
  base: FormatSettings,
): FormatSettings {
  let settings = base;
  for (const [name, text] of Object.entries(variables))
    settings = applyFormatVariable(settings, name, text);
  return settings;
}
