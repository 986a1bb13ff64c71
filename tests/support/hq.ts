import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pos/hq-server/server';
import type { Fixture } from './fixture';

export const tillDist = fileURLToPath(new URL('../../pos-client/dist', import.meta.url));

/** HQ serving the built till (or another build of it) and the API on a port of its own, over the fixture's database; can be stopped and started again. */
export async function startHq(f: Fixture, port = 0, staticDir = tillDist): Promise<RunningServer> {
  return startServer(f.deps, { port, host: '127.0.0.1', staticDir });
}
