import enigma from 'enigma.js';
import WebSocket from 'ws';
import { qixSchema, type Doc, type Global } from '@qlikit/qix';
import type { EngineFixture } from './engineFixture.js';

/** Opens a Global through one client library on the fixture's engine, as `identity`. */
export type OpenClient = (fixture: EngineFixture, identity: string) => Promise<Global>;

const openQix: OpenClient = (fixture, identity) =>
  fixture.session(`/app/engineData/identity/${encodeURIComponent(identity)}`).open();

/**
 * The Global of a real enigma.js session, typed with @qlikit/qix's generated API: enigma.js
 * builds the same methods from the same schema, but its own typings leave them out.
 */
export async function enigmaGlobal(session: EnigmaJS.Session): Promise<Global> {
  return (await session.open()) as unknown as Global;
}

/**
 * A `ws` socket for enigma.js's `createSocket`. enigma.js's typings name the browser WebSocket,
 * but on Node its documented socket is `ws`, which has every member enigma.js uses (the on*
 * handlers, send, close, readyState) and lacks only EventTarget's: hence the one conversion.
 */
export function enigmaSocket(url: string): globalThis.WebSocket {
  return new WebSocket(url) as unknown as globalThis.WebSocket;
}

const enigmaSessions: EnigmaJS.Session[] = [];
const openEnigma: OpenClient = async (fixture, identity) => {
  const session = enigma.create({
    schema: qixSchema as unknown as object,
    url: `${fixture.engine.url}/app/engineData/identity/${encodeURIComponent(identity)}`,
    createSocket: enigmaSocket,
  });
  enigmaSessions.push(session);
  return enigmaGlobal(session);
};

/** Closes the enigma.js sessions opened so far (the fixture closes the @qlikit/qix ones). */
export async function closeEnigmaSessions(): Promise<void> {
  await Promise.allSettled(enigmaSessions.splice(0).map((session) => session.close()));
}

/**
 * The two clients every coverage scenario runs through: @qlikit/qix and the
 * real enigma.js, unchanged, with the same method names and results.
 */
export const CLIENTS: [string, OpenClient][] = [
  ['@qlikit/qix', openQix],
  ['enigma.js', openEnigma],
];

/** The current selections of a doc's state, as field -> selected value texts (from a selection object). */
export async function selectedValues(doc: Doc, stateName = '$'): Promise<Record<string, string[]>> {
  const object = await doc.createSessionObject({
    qInfo: { qType: 'current-selections' },
    qSelectionObjectDef: { qStateName: stateName },
  });
  try {
    const layout = (await object.getLayout()) as {
      qSelectionObject: {
        qSelections: { qField: string; qSelectedFieldSelectionInfo: { qName: string }[] }[];
      };
    };
    return Object.fromEntries(
      layout.qSelectionObject.qSelections.map((item) => [
        item.qField,
        item.qSelectedFieldSelectionInfo.map((info) => info.qName).sort(),
      ]),
    );
  } finally {
    await doc.destroySessionObject(object.id);
  }
}

/** `text:state` of every row of a list object page, e.g. `Bob:S`. */
export function listStates(layout: {
  qListObject?: { qDataPages: { qMatrix: { qText?: string; qState?: string }[][] }[] };
}): string[] {
  return layout.qListObject!.qDataPages[0]!.qMatrix.map(
    (row) => `${row[0]!.qText}:${row[0]!.qState}`,
  );
}
