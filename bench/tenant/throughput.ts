import { HttpClient } from './HttpClient.js';

/**
 * Requests per second of one GET over `connections` keep-alive connections for
 * `seconds`, each answer checked by `check` (a wrong answer throws: a fast
 * wrong server is no floor).
 */
export async function throughput(
  base: string,
  path: string,
  key: string | undefined,
  connections: number,
  seconds: number,
  check: (status: number, text: string) => boolean,
): Promise<number> {
  const client = new HttpClient(base, connections);
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const answer = await client.request('GET', path, { key });
        if (!check(answer.status, answer.text))
          throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  client.close();
  return done / elapsed;
}
