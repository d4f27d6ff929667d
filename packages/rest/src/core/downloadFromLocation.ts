import type { CallOptions, Operation, RestTransport } from './Operation.js';
import type { Download } from './Download.js';
import { QlikError } from '../errors/QlikError.js';

function missingLocation(operation: Operation): QlikError {
  return new QlikError(
    'BAD_RESPONSE',
    `${operation.id}: the answer has no Location header to download from`,
  );
}

/**
 * Runs an operation that answers with a `Location` (e.g. app export: 201 +
 * `/api/v1/temp-contents/{id}`) and downloads what it points to, streamed.
 */
export async function downloadFromLocation(
  transport: RestTransport,
  operation: Operation,
  args: object | undefined,
  options: CallOptions = {},
): Promise<Download> {
  let location: string | null = null;
  const { onProgress, ...startOptions } = options;
  await transport.request<unknown>(operation, args, {
    ...startOptions,
    onResponse: (response) => {
      location = response.headers.get('location');
      options.onResponse?.(response);
    },
  });
  if (!location) throw missingLocation(operation);
  return downloadUrl(transport, location, { ...startOptions, onProgress });
}

/** Downloads a path or URL on the tenant (a `Location`, a `links.*.href`) as a streamed `Download`. */
export function downloadUrl(
  transport: RestTransport,
  location: string,
  options?: CallOptions,
): Promise<Download> {
  const operation: Operation = {
    id: 'downloadUrl',
    method: 'GET',
    // Braces would read as path parameters; a server-given location has none to fill.
    path: location.replace(/[{}]/g, encodeURIComponent),
    response: 'binary',
    tier: '1',
    limit: 1000,
  };
  return transport.request<Download>(operation, undefined, options);
}
