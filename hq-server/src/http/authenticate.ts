import { and, eq, gt, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { parseToken } from '../auth/secrets';
import type { Db } from '../db/client';
import { officeSessions, stores, tillDevices, users } from '../org/org.tables';
import type { AppEnv, Deps, DevicePrincipal, Principal } from './app-env';
import { AppError } from './errors';

type Kind = Principal['kind'];

/** Resolves the bearer token to a principal and refuses callers of a kind the route does not accept. */
export const authenticate = (...accepted: Kind[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const principal = await resolvePrincipal(c.var.deps, token);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'the token is unknown, expired or revoked');
    if (!accepted.includes(principal.kind)) throw new AppError('FORBIDDEN', `this endpoint is not for ${principal.kind === 'device' ? 'till devices' : 'office users'}`);
    c.set('principal', principal);
    await next();
  });

/** Per database handle: tills by their token's hash, as last resolved. */
const knownTills = new WeakMap<Db, Map<string, DevicePrincipal>>();
const KNOWN_TILLS_AT_MOST = 50_000;

/**
 * For the sync routes, whose every handler checks the till's token again in the one statement
 * that notes its contact (`noteTillContact`), and takes the till from there: a token resolved
 * before is taken from memory, which spares a round trip on each of a till's frequent requests.
 * A till revoked since is refused by that statement; `forgetTill` drops it here.
 */
export const authenticateTill = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  const parsed = parseToken(token);
  if (!parsed) throw new AppError('UNAUTHENTICATED', 'the token is unknown, expired or revoked');
  const { db } = c.var.deps;
  const known = knownTills.get(db) ?? new Map<string, DevicePrincipal>();
  knownTills.set(db, known);
  let principal = known.get(parsed.hash);
  if (!principal) {
    const resolved = await resolvePrincipal(c.var.deps, token);
    if (!resolved) throw new AppError('UNAUTHENTICATED', 'the token is unknown, expired or revoked');
    if (resolved.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is not for office users');
    if (known.size >= KNOWN_TILLS_AT_MOST) known.clear();
    known.set(parsed.hash, resolved);
    principal = resolved;
  }
  c.set('principal', principal);
  c.set('tillTokenHash', parsed.hash);
  await next();
});

/** Forgets a till resolved from memory, once its token no longer holds. */
export function forgetTill(db: Db, tokenHash: string): void {
  knownTills.get(db)?.delete(tokenHash);
}

function bearerToken(header: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw new AppError('UNAUTHENTICATED', 'sign in first: send `Authorization: Bearer <token>`');
  return token;
}

async function resolvePrincipal({ db, clock }: Deps, token: string): Promise<Principal | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const { chainId, hash } = parsed;
  if (parsed.kind === 'dev') {
    const [device] = await db
      .select({ id: tillDevices.id, code: tillDevices.code, storeId: tillDevices.storeId, timeZone: stores.timeZone })
      .from(tillDevices)
      .innerJoin(stores, and(eq(stores.chainId, tillDevices.chainId), eq(stores.id, tillDevices.storeId)))
      .where(and(eq(tillDevices.chainId, chainId), eq(tillDevices.tokenHash, hash), isNull(tillDevices.revokedAt)));
    return device ? { kind: 'device', chainId, deviceId: device.id, deviceCode: device.code, storeId: device.storeId, storeTimeZone: device.timeZone } : null;
  }
  if (parsed.kind === 'ofs') {
    const [user] = await db
      .select({ sessionId: officeSessions.id, id: users.id, role: users.role, franchiseeId: users.franchiseeId, regionId: users.regionId, storeId: users.storeId })
      .from(officeSessions)
      .innerJoin(users, and(eq(users.chainId, officeSessions.chainId), eq(users.id, officeSessions.userId)))
      .where(and(eq(officeSessions.chainId, chainId), eq(officeSessions.tokenHash, hash), gt(officeSessions.expiresAt, clock()), isNull(officeSessions.revokedAt), eq(users.active, true)));
    return user ? { kind: 'office', chainId, userId: user.id, sessionId: user.sessionId, role: user.role, franchiseeId: user.franchiseeId, regionId: user.regionId, storeId: user.storeId } : null;
  }
  return null;
}
