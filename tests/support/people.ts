import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { users } from '@pos/hq-server/org/org.tables';
import { and, eq } from 'drizzle-orm';
import { bearer, type Fixture } from './fixture';

/** A request with a JSON body and a method of choice. */
export const send = (method: string, body: unknown, token: string): RequestInit => ({
  method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
});

/** Signs in with any password (the fixture's helper knows only the demo one). */
export async function signInWith(f: Fixture, email: string, password: string): Promise<Response> {
  f.clock.advance(61_000);
  return f.app.request('/auth/office/sign-in', send('POST', { email, password }, 'none'));
}

export async function userId(f: Fixture, email: string): Promise<string> {
  const [row] = await f.deps.db.select({ id: users.id }).from(users).where(and(eq(users.chainId, f.chainId), eq(users.email, email)));
  return row!.id;
}

export async function auditOf(f: Fixture, entityId: string) {
  return f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, entityId))).orderBy(auditEntries.at, auditEntries.id);
}

export const get = (f: Fixture, path: string, token: string) => f.app.request(path, bearer(token));
