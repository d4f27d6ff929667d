#!/usr/bin/env node
import { resolve } from 'node:path';
import { startEngine } from '../server/startEngine.js';
import { parseEngineArgs, USAGE, UsageError } from './parseEngineArgs.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let args;
  try {
    args = parseEngineArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const engine = await startEngine({
    port: args.port,
    host: args.host,
    dataDir: resolve(args.dataDir),
  });
  process.stdout.write(`${engine.url}\n`);
  const stop = () => {
    void engine.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
