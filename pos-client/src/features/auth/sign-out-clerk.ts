import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';

/**
 * Signs the clerk out on this till at once, online or not. A session begun at HQ is ended there
 * too, in the background: an HQ that cannot be reached never holds the sign-out up, and the
 * session then simply runs to its expiry.
 */
export async function signOutClerk({ db, hq }: { db: TillDb; hq: HqClient }): Promise<void> {
  const [session, pairing] = await Promise.all([db.getMeta('session'), db.getMeta('pairing')]);
  await db.meta.delete('session');
  if (session?.token && pairing) void hq.signOutClerk(pairing.deviceToken, { token: session.token });
}
