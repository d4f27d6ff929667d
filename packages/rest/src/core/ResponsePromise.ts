/** A successful answer with the status and headers it came with. */
export interface WithResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly headers: Headers;
}

/**
 * What every generated operation returns: a promise of the answer's data that
 * can also be asked for the status and headers of the success, e.g. the
 * `Location` of a 201: `const { headers } = await client.tempContents.create(args).withResponse()`.
 */
export interface ResponsePromise<T> extends Promise<T> {
  /** The data together with the status and headers of the successful response. */
  withResponse(): Promise<WithResponse<T>>;
}
