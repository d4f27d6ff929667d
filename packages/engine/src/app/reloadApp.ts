import { openScriptConnection } from '../script/openScriptConnection.js';
import { runScript } from '../script/runScript.js';
import type { App } from './App.js';
import type { ReloadProgress } from './ReloadProgress.js';

/** How a reload runs (DoReloadEx's parameters, the reloads API's body). */
export interface ReloadOptions {
  /** Starts from the app's tables and runs only the ADD and REPLACE loads. */
  readonly partial?: boolean;
  /** Variables set before the script runs (the reloads API's `variables`). */
  readonly variables?: Readonly<Record<string, string>>;
  /** At most this many records from each data source (`qRowLimit`, a limited load). */
  readonly rowLimit?: number;
  /** Skips STORE statements (`qSkipStore`). */
  readonly skipStore?: boolean;
}

/**
 * Runs an app's load script and, when it succeeds, replaces the app's data
 * and script variables. A failed or cancelled reload leaves the data as it
 * was. Returns whether the script succeeded.
 */
export async function reloadApp(
  app: App,
  progress: ReloadProgress,
  signal: AbortSignal,
  options: ReloadOptions = {},
): Promise<boolean> {
  const { partial = false, rowLimit, skipStore } = options;
  try {
    const result = await runScript(app.document.script, {
      dataDir: app.filesDir,
      files: app.dataFiles,
      appId: app.id,
      connect: (name) => openScriptConnection(app.connections, name),
      signal,
      onProgress: (line: string) => progress.log(line),
      partialFrom: partial ? app.tables : undefined,
      variables: options.variables,
      ...(rowLimit !== undefined ? { rowLimit } : {}),
      ...(skipStore ? { skipStore } : {}),
      binary: (source) => app.binarySource(source),
    });
    const variables = Object.fromEntries(result.variables);
    // A partial reload that loads no SECTION ACCESS keeps the app's.
    const access =
      partial && result.sectionAccess.length === 0 ? app.sectionAccess : result.sectionAccess;
    app.replaceData(result.tables, variables, {
      sectionAccess: access,
      fieldTags: result.fieldTags,
      comments: result.comments,
      fieldNumberFormats: result.fieldNumberFormats,
    });
    syncScriptVariables(app, variables);
    progress.finish(null);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress.log(message);
    progress.finish(message);
    return false;
  }
}

/** Script variables become GenericVariable objects flagged as script-created, as Qlik shows them. */
function syncScriptVariables(app: App, variables: Record<string, string>): void {
  const existing = new Map(
    app
      .objectsOfType('GenericVariable')
      .map((object) => [String(object.properties.qName ?? '').toLowerCase(), object]),
  );
  for (const [name, value] of Object.entries(variables)) {
    const current = existing.get(name.toLowerCase());
    if (current) {
      if (current.scriptCreated && current.properties.qDefinition !== value) {
        app.setObjectProperties(current, { ...current.properties, qDefinition: value });
      }
      continue;
    }
    const created = app.createObject('GenericVariable', {
      qName: name,
      qDefinition: value,
      qComment: '',
    });
    created.scriptCreated = true;
  }
}
