import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import enigmaErrorCodes from 'enigma.js/error-codes.js';
import qlikitEnigma from '@qlikit/qix/enigma';
import errorCodes from '@qlikit/qix/error-codes';
import { qixSchema } from '@qlikit/qix';
import { ScriptedEngine } from '../helpers/ScriptedEngine.js';

// enigma.js declares `export default`, but its CommonJS file sets module.exports, which is
// what an ESM default import gets: the codes object itself.
const enigmaCodes = enigmaErrorCodes as unknown as typeof enigmaErrorCodes.default;

let engine: ScriptedEngine;

beforeEach(async () => {
  engine = await ScriptedEngine.start();
});

afterEach(async () => {
  await engine.stop();
});

it('exports enigma.js error codes with the same names and values', () => {
  for (const [name, value] of Object.entries(enigmaCodes)) {
    expect(errorCodes[name as keyof typeof errorCodes]).toBe(value);
  }
});

it('throws NO_CONFIG_SUPPLIED (-6) without a configuration', () => {
  expect(() => qlikitEnigma.create(undefined as never)).toThrow(
    expect.objectContaining({ code: errorCodes.NO_CONFIG_SUPPLIED }),
  );
});

it('leaves the config object as it was (enigma.js adds defaults to it)', async () => {
  const config = {
    schema: qixSchema,
    url: engine.url,
    createSocket: (url: string) => new WebSocket(url),
    mixins: [] as never[],
  };
  const keys = Object.keys(config);
  const session = qlikitEnigma.create(Object.freeze(config));
  await session.open();
  await session.close();
  expect(Object.keys(config)).toEqual(keys);
});

it('lets open() try again after it failed (enigma.js keeps the rejected promise)', async () => {
  let attempts = 0;
  const session = qlikitEnigma.create({
    schema: qixSchema,
    url: engine.url,
    createSocket: (url: string) => {
      attempts += 1;
      return new WebSocket(attempts === 1 ? 'ws://127.0.0.1:1/refused' : url) as never;
    },
  });
  await expect(session.open()).rejects.toMatchObject({ code: errorCodes.NOT_CONNECTED });
  const global = await session.open();
  expect(global.id).toBe('Global');
  await session.close();
});

it('emits socket-error for errors after open', async () => {
  const session = qlikitEnigma.create({
    schema: qixSchema,
    url: engine.url,
    createSocket: (url) => new WebSocket(url) as never,
  });
  await session.open();
  const errors: unknown[] = [];
  session.on('socket-error', (event) => errors.push(event));
  // A malformed frame from the server makes ws fail the connection with an error event.
  (engine.last.socket as unknown as { _socket: { write(data: Buffer): void } })._socket.write(
    Buffer.from([0x8f, 0x00]),
  );
  await new Promise((resolve) => session.once('closed', resolve));
  expect(errors).toHaveLength(1);
});
