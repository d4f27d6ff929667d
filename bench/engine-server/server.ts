// The engine under test, in its own process so its memory is its own. It
// seeds the demo apps, prints its URL, and answers memory and result cache
// questions over IPC. `--no-cache` starts it with the shared result cache off.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { seedDemoApps, startEngine } from '@qlikit/engine';
import { watchPauses, type Pauses } from './pauses.js';
import { profileRound, type ProfileRequest } from './roundProfiler.js';

const require = createRequire(import.meta.url);
const cache = !process.argv.includes('--no-cache');
const dataDir = await mkdtemp(join(tmpdir(), 'qlikit-bench-server-'));
const engine = await startEngine({ port: 0, dataDir, resultCache: { enabled: cache } });
await seedDemoApps(engine.apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
// Build the data model before the clients connect, so its cost is not in the first answers, and
// hold the app so that it stays loaded between the rounds' sessions.
const flights = await engine.apps.get('flights');
flights.hold();
if (flights.dataModel.tables.length === 0) throw new Error('The flights demo app has no data');

let stopWatching: (() => Pauses) | undefined;

process.on('message', (message: { type: string }) => {
  if (message.type === 'pauses-start') {
    stopWatching = watchPauses();
    process.send!({ type: 'pauses-start' });
  } else if (message.type === 'pauses-stop') {
    process.send!({ type: 'pauses-stop', ...stopWatching?.() });
  } else if (message.type === 'profile-start' || message.type === 'profile-stop') {
    void profileRound(message as ProfileRequest);
  } else if (message.type === 'memory') {
    for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    process.send!({
      type: 'memory',
      heapUsed: usage.heapUsed,
      rss: usage.rss,
      sessions: engine.sessionCount(),
    });
  } else if (message.type === 'cpu') {
    const used = process.cpuUsage();
    process.send!({
      type: 'cpu',
      ms: (used.user + used.system) / 1000,
      systemMs: used.system / 1000,
    });
  } else if (message.type === 'cache') {
    process.send!({ type: 'cache', ...engine.apps.results.stats() });
  }
});
process.send!({ type: 'ready', url: engine.url });
// Exit normally on SIGINT, so that a --cpu-prof profile gets written.
process.on('SIGINT', () => process.exit(0));
