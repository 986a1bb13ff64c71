import { WHOLE_SHARE_BP, type Clerk, type LineClerkShare } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** A clerk as the sell screen names them. */
export type ClerkChoice = Pick<Clerk, 'id' | 'code' | 'name' | 'role'>;

const choiceOf = ({ id, code, name, role }: Clerk): ClerkChoice => ({ id, code, name, role });
const worksHere = (clerk: Clerk, storeId: string) => clerk.active && (clerk.storeId === null || clerk.storeId === storeId);

/** The active clerks who may be credited with a line here (the store's and the chain's): sales clerks first, then by code. */
export async function storeClerks(db: TillDb, storeId: string): Promise<ClerkChoice[]> {
  const clerks = (await db.clerks.toArray()).filter((c) => worksHere(c, storeId)).map(choiceOf);
  const rank = (c: ClerkChoice) => (c.role === 'sales_clerk' ? 0 : 1);
  return clerks.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

/** The clerk new lines go to on this till, while they still work here; null: the cashier. */
export async function loadDefaultClerk(db: TillDb, storeId: string): Promise<ClerkChoice | null> {
  const chosen = await db.getMeta('salesClerk');
  const clerk = chosen && (await db.clerks.get(chosen.clerkId));
  return clerk && worksHere(clerk, storeId) ? choiceOf(clerk) : null;
}

/** Kept in the till's meta, so a reload or the next cashier keeps the counter's clerk. */
export async function saveDefaultClerk(db: TillDb, clerkId: string | null): Promise<void> {
  await db.transaction('rw', db.meta, () => (clerkId === null ? db.meta.delete('salesClerk') : db.putMeta('salesClerk', { clerkId })));
}

export type BadgeScan = { found: 'clerk'; clerk: ClerkChoice } | { found: 'elsewhere' } | { found: 'none' };

/** Whether a scanned code is a clerk's badge (工牌): of a clerk working here, of one who does not (another store, or gone), or no badge. */
export async function clerkOfBadge(db: TillDb, code: string, storeId: string): Promise<BadgeScan> {
  return badgeScanOf(await db.clerks.where('badgeCode').equals(code.trim()).toArray(), storeId);
}

/** What the clerks carrying a scanned badge make of it here (see `clerkOfBadge`). */
export function badgeScanOf(badged: readonly Clerk[], storeId: string): BadgeScan {
  if (badged.length === 0) return { found: 'none' };
  const here = badged.find((c) => worksHere(c, storeId));
  return here ? { found: 'clerk', clerk: choiceOf(here) } : { found: 'elsewhere' };
}

/** A new line is credited wholly to the till's clerk, or to nobody. */
export const sharesFor = (clerk: Pick<ClerkChoice, 'id'> | null): LineClerkShare[] => (clerk ? [{ clerkId: clerk.id, shareBp: WHOLE_SHARE_BP }] : []);

/** Clerks whose code starts with the text or whose name holds it; all of them for no text. */
export function matchClerks(clerks: readonly ClerkChoice[], text: string): ClerkChoice[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return [...clerks];
  return clerks.filter((c) => c.code.startsWith(wanted) || c.name.toLowerCase().includes(wanted));
}
