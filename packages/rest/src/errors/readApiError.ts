import { QlikApiError, type QlikErrorDetail } from './QlikApiError.js';

/** Reads an error response's body and turns it into a `QlikApiError`. */
export async function readApiError(
  response: Response,
  method: string,
  url: string,
): Promise<QlikApiError> {
  const body = await readBodySafely(response);
  return new QlikApiError({
    status: response.status,
    statusText: response.statusText,
    method,
    url,
    errors: extractErrors(body),
    traceId: extractTraceId(body, response.headers),
    headers: withoutCookies(response.headers),
    body,
  });
}

// An error travels far (logs, crash reports): the session cookies a server sets must not ride along.
function withoutCookies(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('set-cookie');
  return copy;
}

async function readBodySafely(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// Qlik answers `{errors: [...]}` almost everywhere, but a few services send a single error object.
function extractErrors(body: unknown): QlikErrorDetail[] {
  if (!isRecord(body)) return [];
  const list = Array.isArray(body.errors)
    ? body.errors
    : isRecord(body.error)
      ? [body.error]
      : [body];
  return list
    .filter(isRecord)
    .filter((entry) => typeof entry.code === 'string' || typeof entry.title === 'string')
    .map((entry) => ({
      code: typeof entry.code === 'string' ? entry.code : String(entry.code ?? ''),
      title: typeof entry.title === 'string' ? entry.title : undefined,
      detail: typeof entry.detail === 'string' ? entry.detail : undefined,
      status:
        typeof entry.status === 'string' || typeof entry.status === 'number'
          ? entry.status
          : undefined,
      meta: entry.meta,
    }));
}

function extractTraceId(body: unknown, headers: Headers): string | undefined {
  if (isRecord(body) && typeof body.traceId === 'string') return body.traceId;
  return headers.get('x-b3-traceid') ?? headers.get('traceparent') ?? undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
