import type {
  Connection as QixConnection,
  GenericDimensionProperties,
  GenericMeasureProperties,
  GenericObjectEntry,
  GenericVariableProperties,
  NxAppProperties,
} from '@qlikit/qix';

/** An app as files: what `app unbuild` writes and `app build` reads. */
export interface AppFiles {
  readonly script?: string;
  readonly appProperties?: NxAppProperties;
  readonly dimensions: readonly GenericDimensionProperties[];
  readonly measures: readonly GenericMeasureProperties[];
  readonly variables: readonly GenericVariableProperties[];
  /** Top-level objects as full property trees (a sheet holds its charts in qChildren). */
  readonly objects: readonly GenericObjectEntry[];
  readonly connections: readonly QixConnection[];
  /** The tenant space the app was unbuilt from: `app build` makes a new app there, where its data files are. */
  readonly spaceId?: string;
}

/** Where the parts live inside the folder, as config.yml names them (qlik-cli's keys). */
export interface AppFilesConfig {
  readonly script?: string;
  readonly 'app-properties'?: string;
  readonly dimensions?: string;
  readonly measures?: string;
  readonly variables?: string;
  /** A folder pattern such as `objects/*.json`. */
  readonly objects?: string;
  readonly connections?: string;
  /** Not a path: the space of the unbuilt app (qlikit's key; absent on an engine or for a personal app). */
  readonly spaceId?: string;
}

/** The file format of the JSON-like parts. */
export type AppFilesFormat = 'json' | 'yaml';

/** config.yml for a folder written in `format`. */
export function defaultConfig(format: AppFilesFormat): Required<Omit<AppFilesConfig, 'spaceId'>> {
  const ext = format === 'yaml' ? 'yml' : 'json';
  return {
    script: 'script.qvs',
    'app-properties': `app-properties.${ext}`,
    dimensions: `dimensions.${ext}`,
    measures: `measures.${ext}`,
    variables: `variables.${ext}`,
    objects: `objects/*.${ext}`,
    connections: 'connections.yml',
  };
}
