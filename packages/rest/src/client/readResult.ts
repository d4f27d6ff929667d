import type { CallOptions, Operation } from '../core/Operation.js';
import { Download } from '../core/Download.js';

/** Reads a successful response the way the operation says: JSON, text, a `Download`, or nothing. */
export async function readResult(
  operation: Operation,
  response: Response,
  options: CallOptions | undefined,
): Promise<unknown> {
  switch (operation.response) {
    case 'binary':
      return new Download(response, options?.onProgress, operation.method);
    case 'empty':
      await response.body?.cancel();
      return undefined;
    case 'text':
      return response.text();
    default:
      return readJson(response);
  }
}

// 204s and empty 201s are common answers to JSON operations.
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
