// The rate-limited server of bench/rest-client in a process of its own (started by rateLimits.ts),
// so that the clients' work and the server's do not share one event loop. Over IPC:
//   → { reset: limit }   ← { reset: true }
//   → { outcome: true }  ← { acceptedAt, rejected }
import { startLimitedServer } from './limitedServer.js';

const server = await startLimitedServer(Number(process.argv[2]));
process.on('message', (message: { reset?: number; outcome?: boolean }) => {
  if (message.reset !== undefined) {
    server.reset(message.reset);
    process.send?.({ reset: true });
  } else if (message.outcome) {
    process.send?.({ acceptedAt: server.acceptedAt(), rejected: server.stats.rejected });
  }
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.send?.({ url: server.url, host: server.host });
