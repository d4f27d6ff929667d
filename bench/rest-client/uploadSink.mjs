// An upload sink for bench/rest-client/uploadMemory.ts, in its own process so that the
// client's memory is measured alone: counts the bytes of each POST and answers with the count.
import { createServer } from 'node:http';

const server = createServer(async (request, response) => {
  let bytes = 0;
  for await (const chunk of request) bytes += chunk.length;
  response.writeHead(201, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: 'f1', name: 'upload.bin', size: bytes }));
});
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(
    `${/** @type {import('node:net').AddressInfo} */ (server.address()).port}\n`,
  ),
);
process.on('disconnect', () => process.exit(0));
