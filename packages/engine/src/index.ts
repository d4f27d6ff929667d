/** @qlikit/engine: an embedded associative engine that speaks QIX. */

// The QIX server and its apps.
export { startEngine } from './server/startEngine.js';
export type {
  Authenticate,
  AuthenticateRequest,
  RunningEngine,
  StartEngineOptions,
} from './server/startEngine.js';
export type { Identity } from './server/session/EngineSession.js';
export type { AppAction } from './server/access/appAccess.js';
export { EngineError, type EngineErrorOptions } from './errors/EngineError.js';
export { LocError } from './errors/LocError.js';
export { RpcError, JsonRpcErr, type RpcErrorBody } from './server/protocol/RpcError.js';
export type { RequestLimits } from './server/protocol/RequestLimits.js';
export type { OnInternalError } from './server/protocol/toRpcError.js';
export { AppStore, type AppStoreOptions } from './app/AppStore.js';
export { ResultCache, type ResultCacheOptions, type ResultCacheStats } from './app/ResultCache.js';
export { dataDirFiles, type DataFiles } from './io/DataFiles.js';
export { DataFileError } from './io/DataFileError.js';
export { App } from './app/App.js';
export { reloadApp } from './app/reloadApp.js';
export { ReloadProgress } from './app/ReloadProgress.js';
export { seedDemoApps, type SeededApp } from './demo/seedDemoApps.js';
export { DEMO_APPS, type DemoApp } from './demo/demoApps.js';

// The load script.
export { runScript } from './script/runScript.js';
export type { ScriptOptions, ScriptResult } from './script/ScriptOptions.js';
export { ScriptError } from './script/ScriptError.js';

// The associative model and selections.
export { DataModel, type DataModelOptions } from './model/DataModel.js';
export {
  configureParallelism,
  parallelism,
  stopEngineThreads,
  type ParallelOptions,
} from './parallel/engineThreads.js';
export { ParallelError, type ParallelErrorCode } from './parallel/ParallelError.js';
export type { LoadedTable, LoadedColumn } from './model/LoadedTable.js';
export type { Field } from './model/Field.js';
export type { Table } from './model/Table.js';
export type { Column } from './model/Column.js';
export type { SymbolTable } from './model/SymbolTable.js';
export type { FieldTag } from './model/FieldTag.js';
export type { JoinTree } from './model/JoinTree.js';
export { ModelError } from './model/ModelError.js';
export { SelectionState, type SelectMode } from './selection/SelectionState.js';
export { SelectionStates, DEFAULT_STATE } from './selection/SelectionStates.js';
export type { SelectionResult } from './selection/SelectionResult.js';
export type { SelectionSnapshot } from './selection/SelectionSnapshot.js';
export { SelectionError } from './selection/SelectionError.js';
export { RowSet } from './selection/RowSet.js';
export { SymbolSet } from './selection/SymbolSet.js';
export type { ValueState } from './selection/ValueState.js';
export type { StateCounts } from './selection/StateCounts.js';
export { evaluateSet } from './selection/evaluateSet.js';
// Set-analysis row-set descriptors (not the parsed AST, which is `SetExpression` below).
export type {
  SetExpression as RowSetExpression,
  SetBase,
  SetModifier,
} from './selection/SetExpression.js';
export { currentSelections } from './selection/currentSelections.js';
export { listValues } from './selection/listValues.js';

// Chart computations.
export { computeHyperCube } from './hypercube/computeHyperCube.js';
export { computeListObject } from './hypercube/computeListObject.js';

// The expression language and values.
export * from './expression/index.js';
export * from './value/index.js';
