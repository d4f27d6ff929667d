/**
 * The QIX structures a hypercube and a list object are computed from and
 * into, with the engine's names (`qHyperCubeDef`, `NxCell`...). Only the
 * members this engine reads or writes are listed; unknown members pass
 * through untouched. They mirror `@qlikit/qix`'s generated types, which the
 * qix package does not export yet.
 */

/** Sort criteria of a dimension or measure: 1 ascending, -1 descending, 0 off. */
export interface SortCriteria {
  qSortByState?: number;
  qSortByFrequency?: number;
  qSortByNumeric?: number;
  qSortByAscii?: number;
  qSortByLoadOrder?: number;
  qSortByExpression?: number;
  qExpression?: { qv?: string };
}

/** Number format of a measure (QIX `FieldAttributes`). */
export interface FieldAttributes {
  qType?: string;
  qnDec?: number;
  qUseThou?: number;
  qFmt?: string;
  qDec?: string;
  qThou?: string;
}

/** An inline dimension definition. */
export interface NxInlineDimensionDef {
  qFieldDefs?: string[];
  qFieldLabels?: string[];
  qSortCriterias?: SortCriteria[];
  qReverseSort?: boolean;
}

/** A hypercube dimension. */
export interface NxDimension {
  qDef?: NxInlineDimensionDef;
  qNullSuppression?: boolean;
  qLibraryId?: string;
}

/** An inline measure definition. */
export interface NxInlineMeasureDef {
  qDef: string;
  qLabel?: string;
  qNumFormat?: FieldAttributes;
}

/** A hypercube measure. */
export interface NxMeasure {
  qDef?: NxInlineMeasureDef;
  qSortBy?: SortCriteria;
  qLibraryId?: string;
}

/** A rectangle of a hypercube to fetch. */
export interface NxPage {
  qLeft: number;
  qTop: number;
  qWidth: number;
  qHeight: number;
}

/** A hypercube definition (`qHyperCubeDef`). */
export interface HyperCubeDef {
  qStateName?: string;
  qDimensions?: NxDimension[];
  qMeasures?: NxMeasure[];
  qInterColumnSortOrder?: number[];
  qSuppressZero?: boolean;
  qSuppressMissing?: boolean;
  qInitialDataFetch?: NxPage[];
  qMode?: string;
  qTitle?: unknown;
}

/** Value states as one-letter QIX codes. */
export type StateEnumType = 'L' | 'S' | 'O' | 'D' | 'A' | 'X' | 'XS' | 'XL';

/** One cell of a data page. */
export interface NxCell {
  qText?: string;
  /** A number, or the string 'NaN' as numbers that are not travel on the wire. */
  qNum: number | 'NaN';
  qElemNumber: number;
  qState: StateEnumType;
  qIsNull?: boolean;
  qIsTotalCell?: boolean;
}

/** A page of cells. */
export interface NxDataPage {
  qMatrix: NxCell[][];
  qTails: { qUp: number; qDown: number }[];
  qArea: NxPage;
}

/** Counts of a field's values per state. */
export interface NxStateCounts {
  qLocked: number;
  qSelected: number;
  qOption: number;
  qDeselected: number;
  qAlternative: number;
  qExcluded: number;
  qSelectedExcluded: number;
  qLockedExcluded: number;
}

/** Computed information about a dimension. */
export interface NxDimensionInfo {
  qFallbackTitle: string;
  qApprMaxGlyphCount: number;
  qCardinal: number;
  qLocked: boolean;
  qSortIndicator: 'N' | 'A' | 'D';
  qGroupFallbackTitles: string[];
  qGroupPos: number;
  qStateCounts: NxStateCounts;
  qTags: string[];
  qDimensionType: 'D' | 'N' | 'T';
  qGrouping: 'N';
  qNumFormat: FieldAttributes;
  qIsAutoFormat: boolean;
  qGroupFieldDefs: string[];
  qMin: number | 'NaN';
  qMax: number | 'NaN';
  qAttrExprInfo: unknown[];
  qAttrDimInfo: unknown[];
  qCalcCondMsg: string;
  qCardinalities: { qCardinal: number; qHypercubeCardinal: number; qAllValuesCardinal: number };
  qLibraryId: string;
  qEffectiveDimensionName: string;
}

/** Computed information about a measure. */
export interface NxMeasureInfo {
  qFallbackTitle: string;
  qApprMaxGlyphCount: number;
  qCardinal: number;
  qSortIndicator: 'N' | 'A' | 'D';
  qNumFormat: FieldAttributes;
  qMin: number | 'NaN';
  qMax: number | 'NaN';
  qIsAutoFormat: boolean;
  qAttrExprInfo: unknown[];
  qAttrDimInfo: unknown[];
  qCalcCondMsg: string;
  qLibraryId: string;
}

/** A computed hypercube (`qHyperCube`). */
export interface HyperCube {
  qStateName: string;
  qSize: { qcx: number; qcy: number };
  qDimensionInfo: NxDimensionInfo[];
  qMeasureInfo: NxMeasureInfo[];
  qEffectiveInterColumnSortOrder: number[];
  qGrandTotalRow: NxCell[];
  qDataPages: NxDataPage[];
  qPivotDataPages: unknown[];
  qStackedDataPages: unknown[];
  qMode: 'S';
  qNoOfLeftDims: number;
  qTitle: string;
  qCalcCondMsg: string;
  qColumnOrder: number[];
}

/** A list object definition (`qListObjectDef`). */
export interface ListObjectDef {
  qStateName?: string;
  qDef?: NxInlineDimensionDef;
  qInitialDataFetch?: NxPage[];
  qShowAlternatives?: boolean;
}

/** A computed list object (`qListObject`). */
export interface ListObject {
  qStateName: string;
  qSize: { qcx: number; qcy: number };
  qDimensionInfo: NxDimensionInfo;
  qExpressions: unknown[];
  qDataPages: NxDataPage[];
}
