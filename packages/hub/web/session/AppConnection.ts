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
  const qix = enigma.create({
    schema: qixSchema,
    url,
    responseInterceptors: [
      {
        onRejected(_session, request, error) {
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
      await qix.close();
    },
  };
}
