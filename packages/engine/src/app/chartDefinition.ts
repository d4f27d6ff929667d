import type { HyperCubeDef } from '../hypercube/QixShapes.js';
import { LocError } from '../errors/LocError.js';

type Json = Record<string, unknown>;

const defTexts = new WeakMap<object, string>();

/**
 * The JSON of a chart definition, written once per definition object: they
 * come from properties, which are replaced whole and never changed in place,
 * or are made for one computation.
 */
export function defText(def: Json): string {
  let text = defTexts.get(def);
  if (text === undefined) defTexts.set(def, (text = JSON.stringify(def)));
  return text;
}

const plainDefs = new WeakMap<object, boolean>();

/**
 * Whether a definition names no variable (`$(`) and no master item
 * (`qLibraryId`): then it is its own expansion. Judged once per definition object.
 */
export function isPlainDef(def: Json): boolean {
  let plain = plainDefs.get(def);
  if (plain === undefined) {
    const text = defText(def);
    plain = !text.includes('$(') && !/"qLibraryId":"[^"]/.test(text);
    plainDefs.set(def, plain);
  }
  return plain;
}

/** How many dimensions a pivot puts on the left: qNoOfLeftDims, all of them when it is -1 or absent. */
export function leftDimensions(def: Json): number {
  const dims = Array.isArray(def.qDimensions) ? def.qDimensions.length : 0;
  const given = typeof def.qNoOfLeftDims === 'number' ? def.qNoOfLeftDims : -1;
  return given < 0 ? dims : Math.min(given, dims);
}

/** The data mode of a hypercube definition: S straight, P pivot, K stacked (long names accepted). */
export function dataMode(def: Json): 'S' | 'P' | 'K' {
  const mode = String(def.qMode ?? 'S');
  if (mode === 'P' || mode === 'DATA_MODE_PIVOT') return 'P';
  if (mode === 'K' || mode === 'DATA_MODE_PIVOT_STACK') return 'K';
  return 'S';
}

/** The field a dimension or list definition names (`qDef.qFieldDefs[0]`, brackets and a leading `=` removed). */
export function fieldNameOf(def: Json): string {
  const inner = (def.qDef ?? {}) as { qFieldDefs?: unknown[] };
  const raw = inner.qFieldDefs?.[0];
  if (typeof raw !== 'string' || raw === '')
    throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'The definition has no qFieldDefs', {
      parameter: 'qFieldDefs',
    });
  const trimmed = raw.trim().replace(/^=/, '').trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * A cube definition whose first dimension is the bin number of its value,
 * bins `width` wide from `start`, for GetHyperCubeContinuousData; it fetches
 * no initial page.
 */
export function binnedDefinition(def: Json, start: number, width: number): Json {
  const dims = ((def as HyperCubeDef).qDimensions ?? []) as Json[];
  const first = dims[0] ?? {};
  const inner = (first.qDef ?? {}) as { qFieldDefs?: unknown[] };
  const source = String(inner.qFieldDefs?.[0] ?? '').trim();
  const expr = source.startsWith('=')
    ? `(${source.slice(1)})`
    : `[${fieldNameOf(first).replace(/]/g, ']]')}]`;
  return {
    ...def,
    qDimensions: [
      {
        ...first,
        qDef: { ...inner, qFieldDefs: [`=Floor((${expr} - (${start})) / ${width})`] },
      },
      ...dims.slice(1),
    ],
    qInitialDataFetch: [],
  };
}
