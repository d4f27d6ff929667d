import { CliError, type ExitCode } from './CliError.js';

/** An error as the CLI reports it, and its `--json` shape on stderr. */
export interface ErrorReport {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly status?: number;
  readonly traceId?: string;
  readonly exitCode: ExitCode;
}

interface ApiErrorLike {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly traceId?: string;
  readonly method?: string;
  readonly url?: string;
}

const STATUS_HINTS: Readonly<Record<number, string>> = {
  400: 'The server refused the arguments: check the flags and any --body or --file.',
  401: 'The credentials were refused: check the API key with `qlikit context get`, or set a new one with `qlikit context update <name> --api-key <key>`.',
  403: 'This user may not do that: ask a tenant admin for the role, or use another context.',
  404: 'Nothing has that id: list what exists, e.g. `qlikit app ls` or `qlikit item ls`.',
  409: 'It conflicts with what exists (a name or a state): read it again and retry.',
  413: 'The request is too large for the server.',
  429: 'The rate limit was hit and retries ran out: wait a minute and run it again.',
  501: 'This server does not implement that operation (a qlikit tenant lists what it does in OPERATIONS.md).',
};

// Engine (QIX) error codes worth a hint; the rest speak for themselves.
const ENGINE_HINTS: Readonly<Record<number, string>> = {
  2: 'The engine has no object with that id: `qlikit app object ls --app <app>` lists them.',
  5: 'The engine refused access: check the API key, or the user behind it.',
  1003: 'The engine has no app with that id: `qlikit app ls` lists them.',
  11000: 'A reload of this app is already running: wait for it, then retry.',
};

function isApiError(error: Error): error is Error & ApiErrorLike {
  return error.name === 'QlikApiError';
}

function statusHint(status: number): string | undefined {
  return (
    STATUS_HINTS[status] ??
    (status >= 500
      ? 'The server failed: retry later; quote the traceId when you report it.'
      : undefined)
  );
}

/** Turns whatever a command threw into what to print: message, Qlik's code and traceId, and what to try. */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, hint: error.hint, exitCode: error.exitCode };
  }
  if (!(error instanceof Error)) return { code: 'UNEXPECTED', message: String(error), exitCode: 1 };
  if (isApiError(error)) {
    const what = error.detail && error.detail !== error.title ? `: ${error.detail}` : '';
    return {
      code: error.code,
      message:
        `${error.method ?? ''} ${error.url ?? ''} answered ${error.status} ${error.title ?? ''}${what}`
          .replace(/\s+/g, ' ')
          .trim(),
      hint: statusHint(error.status),
      status: error.status,
      traceId: error.traceId,
      exitCode: 1,
    };
  }
  const code = (error as { code?: unknown }).code;
  if (error.name === 'QixEngineError' && typeof code === 'number') {
    return {
      code: `QIX-${code}`,
      message: `The engine answered error ${code}: ${error.message}`,
      hint: ENGINE_HINTS[code],
      exitCode: 1,
    };
  }
  if (error.name === 'QixError' && code === -2) {
    return {
      code: 'OBJECT_NOT_FOUND',
      message: 'The engine has no object with that id.',
      hint: ENGINE_HINTS[2],
      exitCode: 1,
    };
  }
  if (error.name === 'QixError' && (code === -13 || code === -14)) {
    return { code: code === -13 ? 'ABORTED' : 'TIMEOUT', message: error.message, exitCode: 1 };
  }
  if (error.name === 'QlikNetworkError' || error.name === 'QixError') {
    return {
      code: typeof code === 'string' ? code : String(code ?? 'NETWORK'),
      message: error.message,
      hint: 'Is the server running, and is --server (or the context) right? `qlikit context get` shows what is used.',
      exitCode: 1,
    };
  }
  if (code === 'AUTH_FAILED') {
    return {
      code,
      message: error.message,
      hint: 'The OAuth token request was refused: check the client id and secret with `qlikit context get`, and set them with `qlikit context update <name> --oauth-client-id <id> --oauth-client-secret <secret>`.',
      exitCode: 1,
    };
  }
  return {
    code: typeof code === 'string' ? code : 'UNEXPECTED',
    message: error.message,
    exitCode: 1,
  };
}
