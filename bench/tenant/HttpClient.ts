import http from 'node:http';

/** An answer: status, headers and the body as text. */
export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** What a request carries besides its method and path. */
export interface RequestParts {
  readonly key?: string;
  readonly json?: unknown;
  readonly body?: Buffer;
  readonly contentType?: string;
}

/**
 * Keep-alive HTTP/1.1 requests over node:http, the same for the tenant and the
 * hello-world floor; `close()` drops the pooled sockets, so that the tenant's
 * file handles can be counted without them.
 */
export class HttpClient {
  readonly #agent: http.Agent;

  constructor(
    readonly base: string,
    sockets: number,
  ) {
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Sends one request and reads its whole answer. */
  request(method: string, path: string, parts: RequestParts = {}): Promise<Answer> {
    const headers: Record<string, string | number> = {};
    if (parts.key) headers.authorization = `Bearer ${parts.key}`;
    let body = parts.body;
    if (parts.json !== undefined) {
      body = Buffer.from(JSON.stringify(parts.json));
      headers['content-type'] = 'application/json';
    }
    if (parts.contentType) headers['content-type'] = parts.contentType;
    if (body) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.base}${path}`,
        { method, headers, agent: this.#agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString(),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  /** Closes the pooled sockets. */
  close(): void {
    this.#agent.destroy();
  }
}
