// A tenant for the kill tests, run as a child process: rate limits off, and
// the URL and the admin key printed the way the bin prints them.
import { startTenant } from '../../src/index.js';

const tenant = await startTenant({ dataDir: process.argv[2]!, port: 0, rateLimit: false });
console.log(`qlikit tenant listening on ${tenant.url}`);
console.log(`  admin API key: ${tenant.admin.apiKey}`);
