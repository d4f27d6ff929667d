import { Busboy, type BusboyHeaders } from '@fastify/busboy';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../server/ApiError.js';
import type { SpooledFile, UploadSpool } from './UploadSpool.js';

/** The parts of a `multipart/form-data` upload Qlik's file APIs take: `File` (streamed to disk) and `Json`. */
export interface MultipartUpload {
  readonly json: Record<string, unknown> | undefined;
  readonly file: SpooledFile | undefined;
}

const JSON_PART_LIMIT = 1024 * 1024;

/**
 * Reads a multipart upload: the `File` part is spooled to disk as it arrives,
 * the `Json` part (a field, or a file part some clients send) is parsed. Parts
 * may come in any order. On any failure the spooled file is removed.
 */
export async function readMultipartUpload(
  request: IncomingMessage,
  spool: UploadSpool,
): Promise<MultipartUpload> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType))
    throw new ApiError(
      415,
      'HTTP-415',
      'Unsupported Media Type',
      'Send multipart/form-data with File and Json parts',
    );
  let json: Record<string, unknown> | undefined;
  let file: SpooledFile | undefined;
  const pending: Array<Promise<void>> = [];
  const parseJson = (text: string) => {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw ApiError.badRequest('The Json part is not JSON');
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const busboy = new Busboy({
        headers: request.headers as BusboyHeaders,
        limits: { fieldSize: JSON_PART_LIMIT },
      });
      busboy.on('field', (name, value) => {
        if (name === 'Json') {
          try {
            parseJson(value);
          } catch (error) {
            reject(error);
          }
        }
      });
      busboy.on('file', (name, stream) => {
        if (name === 'File') {
          pending.push(
            spool.spool(stream).then(
              (spooled) => {
                file = spooled;
              },
              (error: unknown) => {
                // Stop reading: the spool refused the file (too large) or could not write it.
                request.unpipe(busboy);
                reject(error);
              },
            ),
          );
        } else if (name === 'Json') {
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= JSON_PART_LIMIT) chunks.push(chunk);
          });
          pending.push(
            new Promise((done, fail) => {
              stream.on('end', () => {
                try {
                  parseJson(Buffer.concat(chunks).toString('utf8'));
                  done();
                } catch (error) {
                  fail(error);
                }
              });
            }),
          );
        } else {
          stream.resume();
        }
      });
      busboy.on('finish', () => resolve());
      busboy.on('error', (error) =>
        reject(ApiError.badRequest(`Malformed multipart body: ${String(error)}`)),
      );
      request.on('error', reject);
      request.pipe(busboy);
    });
    await Promise.all(pending);
  } catch (error) {
    await spool.discard(file);
    throw error;
  }
  return { json, file };
}
