#!/usr/bin/env node
import { run } from '../run.js';

// Ctrl+C aborts what runs (uploads, downloads, reloads); a second one exits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort(new Error('Interrupted'));
  process.once('SIGINT', () => process.exit(130));
});

const code = await run(process.argv.slice(2), undefined, controller.signal);
// A command cut short by Ctrl+C exits with 130; one that ends on it (serve) with its own code.
const exitCode = controller.signal.aborted && code !== 0 ? 130 : code;
// Open sockets (keep-alive fetch connections) must not hold the process once the command is done.
process.stdout.write('', () => process.exit(exitCode));
