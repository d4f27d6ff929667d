import type { CallOptions } from '../api/CallOptions.js';

/** A data page as GetHyperCubeData returns it (only what the iterator reads). */
export interface HyperCubeDataPage {
  readonly qArea: {
    readonly qLeft: number;
    readonly qTop: number;
    readonly qWidth: number;
    readonly qHeight: number;
  };
  readonly qMatrix: readonly unknown[];
}

/** What the iterator needs of a generic object. */
export interface HyperCubeSource<TPage extends HyperCubeDataPage = HyperCubeDataPage> {
  getLayout(): Promise<unknown>;
  getHyperCubeData(
    params: {
      qPath: string;
      qPages: Array<{ qLeft: number; qTop: number; qWidth: number; qHeight: number }>;
    },
    options?: CallOptions,
  ): Promise<readonly TPage[]>;
}

/** Options of {@link iterateHyperCubePages}. */
export interface HyperCubePagingOptions {
  /** Path of the hypercube definition in the properties. Default `/qHyperCubeDef`. */
  readonly path?: string;
  /** Rows per page. Default: as many as fit in 10,000 cells. */
  readonly pageHeight?: number;
  /** Row to start at. Default 0. */
  readonly startRow?: number;
  /** Stops the iteration and aborts the outstanding request. */
  readonly signal?: AbortSignal;
}

const MAX_CELLS_PER_PAGE = 10_000;

/**
 * Yields the data pages of a hypercube, top to bottom, one GetHyperCubeData
 * call per page, all columns wide. The size is read from the layout once.
 */
export async function* iterateHyperCubePages<TPage extends HyperCubeDataPage>(
  object: HyperCubeSource<TPage>,
  options: HyperCubePagingOptions = {},
): AsyncGenerator<TPage, void, undefined> {
  const path = options.path ?? '/qHyperCubeDef';
  const size = hyperCubeSize(await object.getLayout(), path);
  if (size.qcx === 0) return;
  const pageHeight = options.pageHeight ?? Math.max(1, Math.floor(MAX_CELLS_PER_PAGE / size.qcx));
  const callOptions: CallOptions | undefined = options.signal
    ? { signal: options.signal }
    : undefined;
  for (let top = options.startRow ?? 0; top < size.qcy; top += pageHeight) {
    const qPages = [
      { qLeft: 0, qTop: top, qWidth: size.qcx, qHeight: Math.min(pageHeight, size.qcy - top) },
    ];
    const pages = await object.getHyperCubeData({ qPath: path, qPages }, callOptions);
    for (const page of pages) yield page;
  }
}

/** Reads qSize of the hypercube whose definition sits at `path` (the layout drops the "Def"). */
function hyperCubeSize(layout: unknown, path: string): { qcx: number; qcy: number } {
  const layoutPath = path.replace(/Def$/, '');
  let node: unknown = layout;
  for (const token of layoutPath.split('/').filter(Boolean)) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[token]
        : undefined;
  }
  const size = (node as { qSize?: { qcx?: number; qcy?: number } } | undefined)?.qSize;
  if (typeof size?.qcx !== 'number' || typeof size.qcy !== 'number') {
    throw new TypeError(`The layout has no hypercube at "${layoutPath}" (from path "${path}")`);
  }
  return { qcx: size.qcx, qcy: size.qcy };
}
