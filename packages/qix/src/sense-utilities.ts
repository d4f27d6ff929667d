import { buildCloudUrl } from './url/buildCloudUrl.js';
import { buildUrl } from './url/buildUrl.js';

export { buildUrl, buildCloudUrl };
export type { BuildUrlOptions } from './url/buildUrl.js';
export type { BuildCloudUrlOptions } from './url/buildCloudUrl.js';

/** enigma.js-compatible: `import SenseUtilities from '@qlikit/qix/sense-utilities'; SenseUtilities.buildUrl(...)`. */
const senseUtilities = { buildUrl, buildCloudUrl };
export default senseUtilities;
