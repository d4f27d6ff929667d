/**
 * Share of the allowed rate a run achieved, from when the server accepted each request.
 * Under a sliding window of `limit` per `windowMs`, request i+limit can be accepted no
 * sooner than `windowMs` after request i; a client using every slot the moment it frees
 * scores 1. Runs that never got past the first window are scored against the most a
 * compliant client could have had accepted in the same time: limit × (1 + elapsed/window).
 */
export function slotReuse(
  acceptedAt: readonly number[],
  limit: number,
  windowMs: number,
  elapsedMs: number,
): number {
  const steady = acceptedAt.length - limit;
  if (steady <= 0) return acceptedAt.length / (limit * (1 + elapsedMs / windowMs));
  let gaps = 0;
  for (let index = 0; index < steady; index++)
    gaps += acceptedAt[index + limit] - acceptedAt[index];
  return (windowMs * steady) / gaps;
}
