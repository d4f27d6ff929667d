import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Operation } from '@qlikit/rest';
import { defineCommand } from '../../command/CommandSpec.js';
import { collect } from '../../command/optionParsers.js';
import { usageError } from '../../errors/CliError.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface RawOptions {
  readonly body?: string;
  readonly file?: string;
  readonly contentType?: string;
  readonly query?: string[];
  readonly outputFile?: string;
}

function withQuery(path: string, pairs: readonly string[]): string {
  if (!pairs.length) return path;
  const url = new URL(path, 'http://path.invalid');
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw usageError(`--query ${pair}: write name=value.`);
    url.searchParams.append(pair.slice(0, at), pair.slice(at + 1));
  }
  return url.pathname + url.search;
}

export const rawCommand = defineCommand<RawOptions>({
  name: 'raw <method> <path>',
  summary: "Send any REST request with the context's auth, rate limits and retries",
  description:
    "The path's operation in the specs gives the request its rate-limit tier and whether it may be retried. JSON answers are printed as JSON; anything else is written as it comes (to stdout, or --output-file).",
  examples: [
    'qlikit raw get /api/v1/items --query resourceType=app --query limit=5',
    'qlikit raw post /api/v1/spaces --body \'{"name":"Finance","type":"shared"}\'',
    'qlikit raw get /api/v1/temp-contents/<id> --output-file app.qvf',
  ],
  options: [
    { flags: '--body <json>', description: 'A JSON request body' },
    { flags: '--file <path>', description: 'The request body from a file (- for stdin), streamed' },
    {
      flags: '--content-type <type>',
      description: 'Content-Type of --file (default application/octet-stream)',
    },
    {
      flags: '--query <name=value>',
      description: 'A query parameter (repeatable)',
      parse: collect,
    },
    { flags: '-o, --output-file <path>', description: 'Write the answer to a file' },
  ],
  async run({ args, options, out, io, signal, connection }) {
    const [method, rawPath] = args as [string, string];
    if (!METHODS.includes(method.toLowerCase()))
      throw usageError(`'${method}' is not one of ${METHODS.join(', ')}.`);
    if (!rawPath.startsWith('/'))
      throw usageError(`The path must start with '/', e.g. /api/v1/items.`);
    if (options.body !== undefined && options.file !== undefined)
      throw usageError('Give --body or --file, not both.');
    let body: unknown;
    if (options.body !== undefined) {
      try {
        body = JSON.parse(options.body) as unknown;
      } catch {
        throw usageError('--body is not valid JSON.');
      }
    } else if (options.file !== undefined) {
      body = options.file === '-' ? io.stdin : createReadStream(resolve(io.cwd, options.file));
    }
    const { findOperation } = await import('@qlikit/rest');
    const path = withQuery(rawPath, options.query ?? []);
    const known = findOperation(method, path);
    const operation: Operation = {
      id: known?.id ?? `raw ${method.toUpperCase()}`,
      method: method.toUpperCase() as Operation['method'],
      // Braces would read as path parameters; this path is literal.
      path: path.replace(/[{}]/g, encodeURIComponent),
      response: 'binary',
      tier: known?.tier ?? 'tier1',
      limit: known?.limit ?? 1000,
      ...(known?.idempotent ? { idempotent: true } : {}),
      ...(options.body !== undefined ? { body: 'json' as const } : {}),
      ...(options.file !== undefined
        ? { body: 'binary' as const, contentType: options.contentType }
        : {}),
    };
    out.verbose(
      known
        ? `${known.id}: ${known.tier}, ${known.limit} requests/minute`
        : 'No spec operation has this path: tier1 limits apply.',
    );
    const client = await (await connection()).rest();
    let status = 0;
    const answer = await client.request<Download>(operation, body === undefined ? {} : { body }, {
      signal,
      onResponse: (response) => (status = response.status),
    });
    out.verbose(`HTTP ${status}`);
    if (options.outputFile) {
      await answer.toFile(resolve(io.cwd, options.outputFile));
      return;
    }
    if ((answer.contentType ?? '').includes('json')) {
      const text = await answer.text();
      try {
        out.printJson(JSON.parse(text));
      } catch {
        out.write(text);
      }
      return;
    }
    for await (const chunk of answer) await out.writeAndDrain(chunk);
  },
});
