import type { FunctionGroup } from '../FunctionGroup.js';

/** A function of Qlik's reference this engine knows by name but does not compute, and why. */
export interface UnsupportedFunction {
  readonly name: string;
  readonly group: FunctionGroup;
  readonly reason: string;
}

const GEOSPATIAL =
  'the geospatial functions need map geometries and projections, which this engine does not have';
const LEGACY_COLOR =
  'a QlikView color kept for backwards compatibility, whose values the reference does not give';
const OBJECT_CONTEXT = 'expressions here are computed without the chart object that asks for them';

function all(
  group: FunctionGroup,
  reason: string,
  names: readonly string[],
): UnsupportedFunction[] {
  return names.map((name) => ({ name, group, reason }));
}

/**
 * Functions of Qlik's reference that answer "not implemented" here instead
 * of "unknown function": a call names the function and the reason, the
 * README lists them, and GetFunctions leaves them out.
 */
export const UNSUPPORTED_FUNCTIONS: ReadonlyMap<string, UnsupportedFunction> = new Map(
  [
    ...all('GEO', GEOSPATIAL, [
      'GeoAggrGeometry',
      'GeoBoundingBox',
      'GeoCountVertex',
      'GeoGetBoundingBox',
      'GeoGetPolygonCenter',
      'GeoInvProjectGeometry',
      'GeoMakePoint',
      'GeoProject',
      'GeoProjectGeometry',
      'GeoReduceGeometry',
    ]),
    ...all('CLR', LEGACY_COLOR, ['Color', 'QlikTechBlue', 'QlikTechGray']),
    ...all('CLR', 'Windows system colors do not exist on this platform', ['SysColor']),
    ...all('SYS', 'there is no Windows registry on this platform', ['GetRegistryString']),
    ...all('SYS', 'the engine does not keep the user agent of the client', ['ClientPlatform']),
    ...all('SYS', 'there is no tenant or space attribute store behind the engine', ['GetSysAttr']),
    ...all('SYS', OBJECT_CONTEXT, [
      'GetObjectField',
      'GetObjectDimension',
      'GetObjectMeasure',
      'StateName',
    ]),
    ...all('SYS', 'apps here have no author property', ['Author']),
    ...all('SYS', 'calculated dimensions are computed as expressions, not through CalcDim', [
      'CalcDim',
    ]),
    ...all('STR', 'texts are read as Unicode; there are no code pages to re-apply', [
      'ApplyCodepage',
    ]),
    ...all('FILE', 'file attributes (MP3, JPG, WMA tags) are not read', ['Attribute']),
    ...all('FILE', 'there are no Windows special folders on this platform', ['GetFolderPath']),
  ].map((info) => [info.name.toUpperCase(), info]),
);
