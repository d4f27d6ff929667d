// Builds the hub page into dist/www/ (after `tsc -b` compiled src/ to dist/).
import { buildHub } from '../dist/buildHub.js';

const { outDir, bytes } = await buildHub();
console.log(`hub page: ${outDir}/hub.js ${(bytes / 1024 / 1024).toFixed(1)} MB`);
