import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { formatSettingsOf } from './formatSettingsOf.js';

const formatSettings = new WeakMap<object, FormatSettings>();

/** The format settings of an app's script variables, worked out once per variables object (a reload makes a new one). */
export function appFormatSettings(variables: Readonly<Record<string, string>>): FormatSettings {
  let settings = formatSettings.get(variables);
  if (!settings)
    formatSettings.set(
      variables,
      (settings = formatSettingsOf(variables, DEFAULT_FORMAT_SETTINGS)),
    );
  return settings;
}

const settingsKeys = new WeakMap<object, string>();
const settingsIds = new Map<string, string>();
let nextSettingsId = 0;

/**
 * A key of the script variables the format settings come from (kept per
 * variables object): a short id per distinct set of variables, so that the
 * result cache's keys stay short.
 */
export function settingsKey(variables: Readonly<Record<string, string>>): string {
  let key = settingsKeys.get(variables);
  if (key === undefined) {
    const text = JSON.stringify(variables);
    key = settingsIds.get(text);
    if (key === undefined) {
      // Ids are never reused: forgetting old texts (scripts that set a variable to Now()) costs only misses.
      if (settingsIds.size >= 1000) settingsIds.clear();
      settingsIds.set(text, (key = `s${nextSettingsId++}`));
    }
    settingsKeys.set(variables, key);
  }
  return key;
}
