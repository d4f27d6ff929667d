import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import enigma, { type Session } from '@qlikit/qix/enigma';
import { qixSchema } from '@qlikit/qix';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';
import { installMiniEngine } from '../helpers/miniEngine.js';

// The frames of API calls are built by hand (not by JSON.stringify of a request object):
// these are their exact texts as the engine receives them (the id last: the text before
// the handle is one precomputed piece per method).

let engine: ScriptedEngine;
let session: Session;
let frames: string[];

beforeEach(async () => {
  engine = await ScriptedEngine.start();
  installMiniEngine(engine, [{ id: 'chart1', type: 'GenericObject', genericType: 'barchart' }]);
  engine.on('EngineVersion', () => ({ result: { qVersion: { qComponentVersion: '1' } } }));
  frames = [];
});

afterEach(async () => {
  await session.close();
  await engine.stop();
});

async function open(protocol: Record<string, unknown>) {
  session = enigma.create({
    schema: qixSchema,
    url: engine.url,
    createSocket: (url) => new WebSocket(url),
    protocol,
  });
  const global = await session.open();
  engine.last.socket.on('message', (data) => frames.push(String(data)));
  return global;
}

it('sends no params as [], positional params as given, and a trailing options object not at all', async () => {
  const global = await open({});
  const version = global.engineVersion();
  await version;
  const doc = await global.openDoc('app', '', '', '', false);
  const object = doc.getObject('chart1', { timeout: 5000 });
  await object;
  expect(frames).toEqual([
    `{"jsonrpc":"2.0","method":"EngineVersion","handle":-1,"params":[],"delta":true,"id":${version.requestId}}`,
    `{"jsonrpc":"2.0","method":"OpenDoc","handle":-1,"params":["app","","","",false],"delta":true,"id":${version.requestId + 1}}`,
    `{"jsonrpc":"2.0","method":"GetObject","handle":${doc.handle},"params":["chart1"],"delta":true,"id":${object.requestId}}`,
  ]);
});

it("appends the protocol's members, leaving out undefined ones and the envelope's own", async () => {
  const global = await open({ delta: false, extra: 'x', dropped: undefined, id: 99, method: 'no' });
  const version = global.engineVersion();
  await version;
  expect(frames).toEqual([
    `{"jsonrpc":"2.0","method":"EngineVersion","handle":-1,"params":[],"delta":false,"extra":"x","id":${version.requestId}}`,
  ]);
});
