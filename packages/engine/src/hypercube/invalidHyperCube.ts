import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { RowOrder } from './RowOrder.js';
import { CellGrid, ComputedHyperCube } from './ComputedHyperCube.js';
import type { HyperCube, HyperCubeDef, NxDimensionInfo, NxMeasureInfo } from './QixShapes.js';

/** LOCERR_CALC_INVALID_DEF: what a dimension or measure that cannot be computed reports. */
const INVALID_DEF = 7000;

/** Why each dimension and measure of a definition is invalid (undefined: it is fine). */
export interface DefinitionErrors {
  readonly dimensions: readonly (string | undefined)[];
  readonly measures: readonly (string | undefined)[];
}

/** A validation error as layouts carry it (NxValidationError). */
function validationError(message: string) {
  return { qErrorCode: INVALID_DEF, qContext: '', qExtendedMessage: message };
}

/**
 * The layout of a hypercube with invalid dimensions or measures, as Qlik
 * answers it: GetLayout succeeds, the offending columns carry `qError`
 * (LOCERR_CALC_INVALID_DEF with the reason) in qDimensionInfo/qMeasureInfo,
 * and there are no rows. nebula.js then shows "Invalid dimension" or
 * "Invalid measure" in the chart.
 */
export function invalidHyperCube(
  def: HyperCubeDef,
  errors: DefinitionErrors,
  settings: FormatSettings = DEFAULT_FORMAT_SETTINGS,
): ComputedHyperCube {
  const dimensions = def.qDimensions ?? [];
  const measures = def.qMeasures ?? [];
  const layout: HyperCube = {
    qStateName: def.qStateName ?? '$',
    qSize: { qcx: dimensions.length + measures.length, qcy: 0 },
    qDimensionInfo: dimensions.map((dimension, d) => {
      const title = dimension.qDef?.qFieldLabels?.[0] || dimension.qDef?.qFieldDefs?.[0] || '';
      const info: NxDimensionInfo = {
        qFallbackTitle: title,
        qApprMaxGlyphCount: 0,
        qCardinal: 0,
        qLocked: false,
        qSortIndicator: 'N',
        qGroupFallbackTitles: [title],
        qGroupPos: 0,
        qStateCounts: {
          qLocked: 0,
          qSelected: 0,
          qOption: 0,
          qDeselected: 0,
          qAlternative: 0,
          qExcluded: 0,
          qSelectedExcluded: 0,
          qLockedExcluded: 0,
        },
        qTags: [],
        qDimensionType: 'D',
        qGrouping: 'N',
        qNumFormat: { qType: 'U', qnDec: 0, qUseThou: 0 },
        qIsAutoFormat: true,
        qGroupFieldDefs: dimension.qDef?.qFieldDefs ?? [],
        qMin: 'NaN',
        qMax: 'NaN',
        qContinuousAxes: false,
        qIsCyclic: false,
        qAttrExprInfo: [],
        qAttrDimInfo: [],
        qCalcCondMsg: '',
        qCardinalities: { qCardinal: 0, qHypercubeCardinal: 0, qAllValuesCardinal: -1 },
        qLibraryId: dimension.qLibraryId ?? '',
        qEffectiveDimensionName: title,
      };
      const error = errors.dimensions[d];
      return error === undefined ? info : { ...info, qError: validationError(error) };
    }),
    qMeasureInfo: measures.map((measure, m) => {
      const info: NxMeasureInfo = {
        qFallbackTitle: measure.qDef?.qLabel || measure.qDef?.qDef || '',
        qApprMaxGlyphCount: 0,
        qCardinal: 0,
        qSortIndicator: 'N',
        qNumFormat: measure.qDef?.qNumFormat ?? { qType: 'U', qnDec: 10, qUseThou: 0 },
        qMin: 'NaN',
        qMax: 'NaN',
        qIsAutoFormat: !measure.qDef?.qNumFormat,
        qAttrExprInfo: [],
        qAttrDimInfo: [],
        qCalcCondMsg: '',
        qLibraryId: measure.qLibraryId ?? '',
      };
      const error = errors.measures[m];
      return error === undefined ? info : { ...info, qError: validationError(error) };
    }),
    qEffectiveInterColumnSortOrder: [],
    qGrandTotalRow: [],
    qDataPages: [],
    qPivotDataPages: [],
    qStackedDataPages: [],
    qMode: 'S',
    qNoOfLeftDims: -1,
    qTitle: '',
    qCalcCondMsg: '',
    qColumnOrder: [],
  };
  const grid = new CellGrid([], [], RowOrder.of(new Int32Array(0)), settings);
  layout.qDataPages = grid.pages(def.qInitialDataFetch ?? []);
  return new ComputedHyperCube(layout, grid);
}
