import type { FieldAttributes, NxPage } from '@qlikit/qix';
/**
 * The QIX structures a hypercube and a list object are computed from and
 * into. Definitions come from `@qlikit/qix`'s generated types; the computed
 * layouts are declared here because on the wire a number that is not one is
 * the string 'NaN' (`qNum: 'NaN'`, `qMin: 'NaN'`), which the generated
 * `number` members cannot carry. They are type literals, not interfaces, so
 * that they fit the spec's open trees (types with an index signature).
 */

export type {
  FieldAttributes,
  HyperCubeDef,
  ListObjectDef,
  NxDimension,
  NxMeasure,
  NxPage,
  SortCriteria,
} from '@qlikit/qix';

/** Value states as one-letter QIX codes. */
export type StateEnumType = 'L' | 'S' | 'O' | 'D' | 'A' | 'X' | 'XS' | 'XL';

/** One cell of a data page. */
export type NxCell = {
  qText?: string;
  /** A number, or the string 'NaN' as numbers that are not travel on the wire. */
  qNum: number | 'NaN';
  qElemNumber: number;
  qState: StateEnumType;
  qIsNull?: boolean;
  qIsTotalCell?: boolean;
  qIsOtherCell?: boolean;
};

/** A page of cells. */
export type NxDataPage = {
  qMatrix: NxCell[][];
  qTails: { qUp: number; qDown: number }[];
  qArea: NxPage;
  /** Whether the page holds reduced data (GetHyperCubeReducedData); full pages say false. */
  qIsReduced: boolean;
};

/** Counts of a field's values per state. */
export type NxStateCounts = {
  qLocked: number;
  qSelected: number;
  qOption: number;
  qDeselected: number;
  qAlternative: number;
  qExcluded: number;
  qSelectedExcluded: number;
  qLockedExcluded: number;
};

/** Computed information about a dimension. */
export type NxDimensionInfo = {
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
  /** Whether the dimension can lie on a continuous axis (numeric values). */
  qContinuousAxes: boolean;
  qIsCyclic: boolean;
  qAttrExprInfo: unknown[];
  qAttrDimInfo: unknown[];
  qCalcCondMsg: string;
  qCardinalities: { qCardinal: number; qHypercubeCardinal: number; qAllValuesCardinal: number };
  qLibraryId: string;
  qEffectiveDimensionName: string;
  /** Why the dimension cannot be computed (LOCERR_CALC_INVALID_DEF), when it cannot. */
  qError?: NxValidationError;
};

/** A validation error of a layout part (NxValidationError). */
export type NxValidationError = { qErrorCode: number; qContext: string; qExtendedMessage: string };

/** Computed information about a measure. */
export type NxMeasureInfo = {
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
  /** Why the measure cannot be computed, when it cannot. */
  qError?: NxValidationError;
};

/** A computed hypercube (`qHyperCube`). */
export type HyperCube = {
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
};

/** A computed list object (`qListObject`). */
export type ListObject = {
  qStateName: string;
  qSize: { qcx: number; qcy: number };
  qDimensionInfo: NxDimensionInfo;
  qExpressions: unknown[];
  qDataPages: NxDataPage[];
};
