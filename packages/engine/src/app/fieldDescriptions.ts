import type { FieldDescription } from '@qlikit/qix';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { ScriptComments } from '../script/ScriptOptions.js';

/** NxFieldDescription of a field, as GetFieldDescription and qFieldList give it. */
export function fieldDescription(
  model: DataModel,
  field: Field,
  comments?: ScriptComments,
): FieldDescription {
  return {
    qInternalNumber: field.index,
    qName: field.name,
    qSrcTables: field.tableIndexes.map((index) => model.tables[index]!.name),
    qIsSystem: field.name.startsWith('$'),
    qIsHidden: field.isHidden,
    qIsSemantic: false,
    qDistinctOnly: false,
    qCardinal: field.cardinality,
    qTotalCount: field.cardinality,
    qIsLocked: false,
    qAlwaysOneSelected: false,
    qAndMode: false,
    qIsNumeric: field.hasTag('$numeric'),
    qComment: commentOf(comments?.fields, field.name),
    qTags: [...field.tags],
    qIsDefinitionOnly: false,
    qByteSize: 0,
  };
}

/** The `qFieldList` of a qFieldListDef: the model's fields, system and hidden ones only when asked for. */
export function fieldList(model: DataModel, def: Record<string, unknown>): Record<string, unknown> {
  const showSystem = def.qShowSystem === true;
  const showHidden = def.qShowHidden === true;
  const qItems = model.fields
    .filter(
      (field) => (showSystem || !field.name.startsWith('$')) && (showHidden || !field.isHidden),
    )
    .map((field) => ({
      qName: field.name,
      qCardinal: field.cardinality,
      qTags: [...field.tags],
      qIsSemantic: false,
      qAndMode: false,
      qIsHidden: field.isHidden,
      qIsSystem: field.name.startsWith('$'),
      qSrcTables:
        def.qShowSrcTables === true
          ? field.tableIndexes.map((index) => model.tables[index]!.name)
          : [],
      qIsDerived: false,
      // NxDerivedFieldDescriptionList: the derived (calendar) fields of the field; this engine makes none.
      qDerivedFieldData: { qDerivedFieldLists: [] },
      qIsDefinitionOnly: false,
    }));
  return { qItems };
}

/** A COMMENT FIELD / COMMENT TABLE text by name (Qlik matches names exactly), else ''. */
export function commentOf(
  byName: Readonly<Record<string, string>> | undefined,
  name: string,
): string {
  return byName && Object.hasOwn(byName, name) ? byName[name]! : '';
}
