// The floor of the soak's throughput figure: fastify answering a constant JSON
// body, in a process of its own like the tenant. ← { url }
import Fastify from 'fastify';

const fastify = Fastify({ logger: false });
fastify.get('/hello', async () => ({ hello: 'world' }));
await fastify.listen({ port: 0, host: '127.0.0.1' });
const address = fastify.server.address() as { port: number };
process.on('disconnect', () => void fastify.close().then(() => process.exit(0)));
process.send?.({ url: `http://127.0.0.1:${address.port}` });
