import type { AuthContext, AuthProvider } from '../auth/AuthProvider.js';
import { QlikError } from '../errors/QlikError.js';
import type { AttemptSignal } from './attemptSignal.js';
import type { PreparedCall } from './PreparedCall.js';
import { requestBody } from './requestBody.js';

/** Builds one attempt's Request with fresh auth headers (and a fresh body stream); answers the auth headers sent. */
export async function buildRequest(
  call: PreparedCall,
  signal: AttemptSignal,
  auth: AuthProvider,
  authContext: AuthContext,
  streamUploads: boolean,
): Promise<{ request: Request; auth: Readonly<Record<string, string>> }> {
  const authHeaders = await Promise.resolve(
    auth.headers({ method: call.method, url: call.url }, authContext),
  ).catch((cause: unknown) => {
    if (cause instanceof QlikError) throw cause;
    throw new QlikError('AUTH_FAILED', `${call.operation.id}: the auth provider failed`, {
      cause,
    });
  });
  const headers = new Headers(call.headers);
  for (const [name, value] of Object.entries(authHeaders)) headers.set(name, value);
  const init: RequestInit & { duplex?: 'half' } = {
    method: call.method,
    headers,
    signal: signal.signal,
    credentials: auth.credentials,
  };
  if (call.body) {
    const body = await requestBody(
      call.body,
      streamUploads,
      call.options?.onProgress,
      signal.touch,
    );
    Object.assign(init, body);
  }
  return { request: new Request(call.url, init), auth: authHeaders };
}
