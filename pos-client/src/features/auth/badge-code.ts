import type { TillDb } from '../../db/till-db';

/**
 * The clerk code a sign-in field holds: typed as it is, or read from a badge (工牌) scanned
 * into it, which names the clerk by their pulled badge code. A text that is a clerk's code
 * stays their code, so no badge can stand for another clerk's code.
 */
export async function clerkCodeFor(db: TillDb, text: string, storeId: string): Promise<string> {
  const typed = text.trim();
  if ((await db.clerks.where('code').equals(typed).count()) > 0) return typed;
  const badged = await db.clerks.where('badgeCode').equals(typed).toArray();
  return badged.find((c) => c.active && (c.storeId === null || c.storeId === storeId))?.code ?? typed;
}
