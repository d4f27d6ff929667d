export { hubPlugin, type HubPluginOptions } from './hubPlugin.js';
export { HUB_ASSETS_DIR, readHubAsset, type HubAsset } from './hubAssets.js';
export { buildHub, bundleBrowserScript, ensureHubBuilt, type HubBuild } from './buildHub.js';
