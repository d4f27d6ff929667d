import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { applyFormatVariable } from './applyFormatVariable.js';
import type { ScriptOptions } from './ScriptOptions.js';

/** A script's variables as text, and the format settings its interpretation variables set. */
export class ScriptVariables {
  readonly texts: Map<string, string>;
  private formatSettings: FormatSettings;

  constructor(initial: ScriptOptions['variables'], format: FormatSettings) {
    const given = initial ?? new Map<string, string>();
    this.texts = new Map(given instanceof Map ? given : Object.entries(given));
    this.formatSettings = format;
    for (const [name, text] of this.texts)
      this.formatSettings = applyFormatVariable(this.formatSettings, name, text);
  }

  /** The format settings as the variables set so far have made them. */
  get format(): FormatSettings {
    return this.formatSettings;
  }

  /** SET / LET: a variable's new text (undefined removes it); interpretation variables change the format. */
  set(name: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(name);
    else {
      this.texts.set(name, text);
      this.formatSettings = applyFormatVariable(this.formatSettings, name, text);
    }
  }

  /** A variable's text read as a value (a number when it reads as one), as expressions see it. */
  value(name: string): Value | undefined {
    const text = this.texts.get(name);
    return text === undefined ? undefined : textToValue(text, this.numbers());
  }

  /** How text becomes numbers and dates under the current format. */
  numbers(): NumberInterpretation {
    const format = this.formatSettings;
    return {
      decimalSep: format.decimalSep,
      thousandSep: format.thousandSep,
      // A time is read with or without its seconds ('01:18' under hh:mm:ss), as Qlik does.
      dateFormats: [
        format.dateFormat,
        format.timestampFormat,
        format.timeFormat,
        format.timeFormat.replace(/[:.]ss$/, ''),
      ],
      settings: format,
    };
  }
}
