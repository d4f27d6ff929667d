// CPU profiles of the measured rounds only, for BENCH_PROF: a process of the
// bench starts the V8 profiler when a round begins and writes the profile when
// it ends, so that start-up, connects and the warm-up stay out of it.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

/** What the bench sends a process around a measured round. */
export type ProfileRequest = { type: 'profile-start' } | { type: 'profile-stop'; file: string };

let session: Session | undefined;

/** Starts or stops (writing `file`) this process's profile; answers the request's type. */
export async function profileRound(request: ProfileRequest): Promise<void> {
  if (request.type === 'profile-start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else if (session) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(request.file, JSON.stringify(profile));
    session.disconnect();
    session = undefined;
  }
  process.send?.({ type: request.type });
}
