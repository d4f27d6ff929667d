import { createClient } from '@qlikit/rest';
import { getSpace } from '@qlikit/rest/services/spaces';
import { QlikSaaSApi } from 'qlik-saas-api';

/** One call of the rate-limit runs; `index` names the space fetched. */
export type Call = (index: number) => Promise<unknown>;

/** Where a client sends, and the scaled "minute" of the run. */
export interface Target {
  readonly url: string;
  /** Host and port, for clients configured by host (qlik-saas-api). */
  readonly host: string;
  readonly windowMs: number;
}

/** The API key every client uses: all of them are the same user, as far as the server counts. */
const KEY = 'bench-key';

function qlikit(target: Target): Call {
  // The client's limiter uses the operation's spec limit per window; the window is scaled like the server's.
  const client = createClient({
    host: target.url,
    auth: KEY,
    rateLimit: { windowMs: target.windowMs },
  });
  return (index) => getSpace(client, { spaceId: `s${index}` });
}

function saasApi(target: Target): Call {
  const api = new QlikSaaSApi.client({
    host: target.host,
    notSecure: true,
    authentication: { token: KEY },
  });
  return (index) => api.spaces.get({ id: `s${index}` });
}

/** qlik-saas-api as its users work around 429s: it drops Retry-After, so they wait a guessed second and retry. */
function saasApiWithCallerRetry(target: Target): Call {
  const call = saasApi(target);
  return async (index) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call(index);
      } catch (error) {
        // The library rethrows a bare message, so the status is only in the text.
        if (
          !/status code 429/.test(String((error as { message?: unknown }).message)) ||
          attempt >= 60
        )
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
}

/** The clients compared, by the name the tables print; @qlikit/rest first (ratios are against it). */
export const RATE_CLIENTS: Readonly<Record<string, (target: Target) => Call>> = {
  '@qlikit/rest': qlikit,
  'qlik-saas-api': saasApi,
  'qlik-saas-api + caller retry (1 s)': saasApiWithCallerRetry,
};
