// The tenant of the soak in a process of its own, so that its memory and file
// handles are its own and the clients' work does not share its event loop.
// It creates the soak's users (each with an API key) and answers over IPC:
//   ← { url, adminKey, users: [{ id, key }] }
//   → { stats: true }  ← { rss, heapUsed (after a full GC), fds, engineSessions }
import { readdir } from 'node:fs/promises';
import { startTenant } from '../../packages/tenant/src/index.js';
import { apiKeyToken } from '../../packages/tenant/src/auth/apiKeyToken.js';
import { newId } from '../../packages/tenant/src/storage/newId.js';

const [dataDir, userCount] = [process.argv[2]!, Number(process.argv[3])];
// The per-user tier limits are off: the soak measures the tenant's own cost, not the spec's quotas.
const tenant = await startTenant({ dataDir, port: 0, rateLimit: false });
const { storage, signer, tenantId } = tenant.context;
const users = Array.from({ length: userCount }, (_, index) => {
  const user = storage.users.create({
    subject: `soak|${index}`,
    name: `Soak ${index}`,
    email: `soak${index}@example.com`,
    roles: ['SharedSpaceCreator'],
  });
  const row = storage.apiKeys.create({
    id: newId(),
    userId: user.id,
    createdBy: user.id,
    description: 'soak',
    expiresAt: null,
  });
  return { id: user.id, key: apiKeyToken(signer, row, tenantId) };
});

process.on('message', (message: { stats?: boolean }) => {
  if (!message.stats) return;
  void readdir('/proc/self/fd').then((fds) => {
    // A full collection first (the process runs with --expose-gc): the heap
    // left is what the tenant holds, not garbage that a later GC would free.
    globalThis.gc?.();
    const memory = process.memoryUsage();
    process.send?.({
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      fds: fds.length,
      engineSessions: tenant.engineSessions(),
    });
  });
});
process.on('disconnect', () => void tenant.close().then(() => process.exit(0)));
process.send?.({ url: tenant.url, adminKey: tenant.admin.apiKey, users });
