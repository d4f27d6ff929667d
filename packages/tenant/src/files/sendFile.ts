import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';

/** How a file is sent. */
export interface SendFileOptions {
  readonly path: string;
  readonly size: number;
  /** The file name for `Content-Disposition`. */
  readonly name: string;
  /** `inline` rather than `attachment`. */
  readonly inline?: boolean;
  /** The request's `Range` header, if any: one `bytes=a-b` range is served as 206. */
  readonly range?: string;
  readonly contentType?: string;
}

/** Streams a file as the answer (never whole in memory), honouring one byte range. */
export function sendFile(reply: FastifyReply, options: SendFileOptions): FastifyReply {
  const disposition = `${options.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(options.name)}`;
  void reply
    .header('content-disposition', disposition)
    .header('accept-ranges', 'bytes')
    .type(options.contentType ?? 'application/octet-stream');
  const range = options.range && /^bytes=(\d*)-(\d*)$/.exec(options.range.trim());
  if (range && options.size > 0) {
    const [, from, to] = range;
    let start = from === '' ? Math.max(0, options.size - Number(to)) : Number(from);
    let end = from === '' || to === '' ? options.size - 1 : Math.min(Number(to), options.size - 1);
    if (from !== '' && to === '') end = options.size - 1;
    if (start > end || start >= options.size) {
      return reply.code(416).header('content-range', `bytes */${options.size}`).send();
    }
    start = Math.max(0, start);
    end = Math.max(start, end);
    void reply
      .code(206)
      .header('content-range', `bytes ${start}-${end}/${options.size}`)
      .header('content-length', String(end - start + 1));
    return reply.send(createReadStream(options.path, { start, end }));
  }
  void reply.code(200).header('content-length', String(options.size));
  return reply.send(createReadStream(options.path));
}
