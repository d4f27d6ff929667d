import type { Field } from '../model/Field.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { FieldAttributes } from './QixShapes.js';

/**
 * The `qNumFormat` a dimension or list shows for its field: the format its
 * source gave it (a QVD's), else dates (`$date`) in the app's DateFormat,
 * timestamps in its TimestampFormat, anything else unknown (`U`), as Qlik
 * reports fields loaded without a format.
 */
export function fieldNumFormat(field: Field, settings: FormatSettings): FieldAttributes {
  if (field.numberFormat) return { ...field.numberFormat };
  const separators = { qDec: settings.decimalSep, qThou: settings.thousandSep };
  if (field.hasTag('$date'))
    return { qType: 'D', qnDec: 0, qUseThou: 0, qFmt: settings.dateFormat, ...separators };
  if (field.hasTag('$timestamp'))
    return { qType: 'TS', qnDec: 0, qUseThou: 0, qFmt: settings.timestampFormat, ...separators };
  return { qType: 'U', qnDec: 0, qUseThou: 0 };
}
