import type { NxVariableListItem } from '@qlikit/qix';
import type { StoredObject } from './AppDocument.js';

/** One variable as the variable lists show it. */
export interface VariableItem {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly isScriptCreated: boolean;
  readonly isReserved: boolean;
  readonly isConfig: boolean;
}

/** Variables the engine sets from the script's number-interpretation statements (Qlik calls them config variables). */
const CONFIG_VARIABLES = new Set(
  [
    'ThousandSep',
    'DecimalSep',
    'MoneyThousandSep',
    'MoneyDecimalSep',
    'MoneyFormat',
    'TimeFormat',
    'DateFormat',
    'TimestampFormat',
    'MonthNames',
    'LongMonthNames',
    'DayNames',
    'LongDayNames',
    'FirstWeekDay',
    'BrokenWeeks',
    'ReferenceDay',
    'FirstMonthOfYear',
    'CollationLocale',
    'NumericalAbbreviation',
    'CreateSearchIndexOnReload',
  ].map((name) => name.toLowerCase()),
);

/** Variables whose names the engine reserves for its own information. */
const RESERVED_VARIABLES = new Set(
  [
    'ScriptError',
    'ScriptErrorCount',
    'ScriptErrorList',
    'ErrorMode',
    'HidePrefix',
    'HideSuffix',
    'StripComments',
    'Verbatim',
    'OpenUrlTimeout',
    'NullDisplay',
    'NullInterpret',
    'NullValue',
    'OtherSymbol',
  ].map((name) => name.toLowerCase()),
);

/** The variable items of a set of GenericVariable objects, filtered as a qVariableListDef asks. */
export function variableItems(
  variables: readonly StoredObject[],
  showReserved: boolean,
  showConfig: boolean,
): VariableItem[] {
  return variables
    .map((variable): VariableItem => {
      const name = String(variable.properties.qName ?? '');
      const lower = name.toLowerCase();
      const isConfig = CONFIG_VARIABLES.has(lower);
      return {
        id: (variable.properties.qInfo as { qId: string }).qId,
        name,
        definition: String(variable.properties.qDefinition ?? ''),
        isScriptCreated: variable.scriptCreated === true,
        isReserved: isConfig || RESERVED_VARIABLES.has(lower),
        isConfig,
      };
    })
    .filter((item) => (showReserved || !item.isReserved) && (showConfig || !item.isConfig))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A variable as NxVariableListItem (qVariableList items and GetVariables). */
export function toVariableListItem(variable: VariableItem): NxVariableListItem {
  return {
    qName: variable.name,
    qDefinition: variable.definition,
    qIsScriptCreated: variable.isScriptCreated,
    qIsReserved: variable.isReserved,
    qIsConfig: variable.isConfig,
    qInfo: { qId: variable.id, qType: 'variable' },
    qData: {},
  };
}
