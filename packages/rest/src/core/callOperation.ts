import type { CallOptions, Operation, RestTransport } from './Operation.js';
import type { ResponsePromise } from './ResponsePromise.js';

/** Sends one operation through the transport and keeps the success's status and headers for `withResponse()`. */
export function callOperation<T>(
  transport: RestTransport,
  operation: Operation,
  args: object | undefined,
  options?: CallOptions,
): ResponsePromise<T> {
  let response: { readonly status: number; readonly headers: Headers } | undefined;
  const data = transport.request<T>(operation, args, {
    ...options,
    onResponse: (answer) => {
      response = answer;
      options?.onResponse?.(answer);
    },
  });
  return Object.assign(data, {
    withResponse: () =>
      data.then((value) => ({ data: value, status: response!.status, headers: response!.headers })),
  });
}
