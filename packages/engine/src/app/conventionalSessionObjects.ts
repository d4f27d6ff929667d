type Json = Record<string, unknown>;

/**
 * The session objects the Qlik Sense client creates in every app it opens,
 * by id, with its definitions (nebula.js asks for `FieldList` and
 * `DimensionList` by id and expects them): the fields of the data model,
 * the master dimensions and the master measures.
 */
const CONVENTIONS: Readonly<Record<string, Json>> = {
  FieldList: {
    qInfo: { qId: 'FieldList', qType: 'FieldList' },
    qFieldListDef: {
      qShowSystem: false,
      qShowHidden: false,
      qShowSrcTables: true,
      qShowSemantic: true,
      qShowDerivedFields: true,
    },
  },
  DimensionList: {
    qInfo: { qId: 'DimensionList', qType: 'DimensionList' },
    qDimensionListDef: {
      qType: 'dimension',
      qData: {
        title: '/qMetaDef/title',
        tags: '/qMetaDef/tags',
        grouping: '/qDim/qGrouping',
        info: '/qDimInfos',
        labelExpression: '/qDim/qLabelExpression',
      },
    },
  },
  MeasureList: {
    qInfo: { qId: 'MeasureList', qType: 'MeasureList' },
    qMeasureListDef: {
      qType: 'measure',
      qData: {
        title: '/qMetaDef/title',
        tags: '/qMetaDef/tags',
        labelExpression: '/qMeasure/qLabelExpression',
      },
    },
  },
};

/** The properties of the conventional session object with this id, if it is one. */
export function conventionalSessionObject(id: string): Json | undefined {
  // Own keys only: an id such as `constructor` names no convention.
  return Object.hasOwn(CONVENTIONS, id) ? structuredClone(CONVENTIONS[id]) : undefined;
}
