import enigma from '@qlikit/qix/enigma';
import { qixSchema, type Doc, type Global } from '@qlikit/qix';

/** An open engine session on one app. */
export interface AppConnection {
  readonly appId: string;
  /** The app's Doc, as enigma.js hands it out (what nebula.js takes). */
  readonly doc: Doc;
  /** The session's Global (GetProgress of a reload). */
  readonly global: Global;
  close(): Promise<void>;
}

/**
 * Opens an app over the engine socket at `url`. Every engine error a request meets is
 * written to the browser console with the method and handle that met it:
 * nebula.js swallows the errors of the calls its charts make, so this is
 * where a chart that cannot draw says why.
 */
export async function openApp(url: string, appId: string): Promise<AppConnection> {
  // Once the hub closes the connection (another app is opened), the calls charts still
  // had in flight fail with "Not connected": expected, so not reported.
  let closed = false;
  const qix = enigma.create({
    schema: qixSchema,
    url,
    responseInterceptors: [
      {
        // A layout can carry errors too (an invalid dimension or measure): say so as well.
        onFulfilled(_session, request, result) {
          for (const problem of layoutErrors(result))
            console.error(`[qix] ${(request as { method?: string }).method}: ${problem}`);
          return result;
        },
        onRejected(_session, request, error) {
          if (closed) throw error;
          const { method, handle } = request as { method?: string; handle?: number };
          const { code, message } = error as { code?: number; message?: string };
          console.error(
            `[qix] ${method} on handle ${handle} failed: ${message} (code ${code})`,
            error,
          );
          throw error;
        },
      },
    ],
  });
  const global = (await qix.open()) as unknown as Global;
  const doc = await global.openDoc(appId);
  return {
    appId,
    doc,
    global,
    close: async () => {
      closed = true;
      await qix.close();
    },
  };
}

type Json = Record<string, unknown>;

/** The qError entries of a layout (the hypercube's or list's, and each dimension's and measure's). */
function layoutErrors(result: unknown): string[] {
  const problems: string[] = [];
  if (typeof result !== 'object' || result === null) return problems;
  const id = ((result as Json).qInfo as Json | undefined)?.qId;
  for (const key of ['qHyperCube', 'qListObject']) {
    const part = (result as Json)[key] as Json | undefined;
    if (!part) continue;
    const infos = [
      part,
      ...[part.qDimensionInfo ?? []].flat(),
      ...((part.qMeasureInfo as Json[] | undefined) ?? []),
    ] as Json[];
    for (const info of infos) {
      const error = info.qError as { qErrorCode?: number; qExtendedMessage?: string } | undefined;
      if (!error) continue;
      const title = info === part ? key : String(info.qFallbackTitle ?? '');
      problems.push(
        `${id ?? 'object'} ${title}: error ${error.qErrorCode}${error.qExtendedMessage ? ` (${error.qExtendedMessage})` : ''}`,
      );
    }
  }
  return problems;
}
