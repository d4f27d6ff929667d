/** @qlikit/tenant: a local Qlik Cloud — REST API, engine socket, spaces and auth on one port. */
export { startTenant, type RunningTenant } from './startTenant.js';
export type { StartTenantOptions, TenantPlugin } from './TenantOptions.js';
export type { RateLimitOptions } from './server/RateLimiter.js';
export type { Bootstrap } from './bootstrapAdmin.js';
export { seedDemo, DEMO_SPACE, type SeededDemoApp } from './demo/seedDemo.js';
