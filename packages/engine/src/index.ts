/** @qlikit/engine: an embedded associative engine that speaks QIX. */
export { startEngine } from './server/startEngine.js';
export type { Authenticate, AuthenticateRequest, RunningEngine, StartEngineOptions } from './server/startEngine.js';
export type { Identity } from './server/session/EngineSession.js';
export { EngineError, LocErr } from './server/protocol/EngineError.js';
export { AppStore } from './app/AppStore.js';
export { App } from './app/App.js';
export { runScript } from './script/runScript.js';
export { DataModel } from './model/DataModel.js';
export type { LoadedTable, LoadedColumn } from './model/LoadedTable.js';
export { SelectionState } from './selection/SelectionState.js';
export { SelectionStates } from './selection/SelectionStates.js';
export { parseExpression } from './expression/parseExpression.js';
export { computeHyperCube } from './hypercube/computeHyperCube.js';
export { computeListObject } from './hypercube/computeListObject.js';
export { Dual, type Value } from './value/Value.js';
export { seedDemoApps } from './demo/seedDemoApps.js';
export { DEMO_APPS, type DemoApp } from './demo/demoApps.js';
