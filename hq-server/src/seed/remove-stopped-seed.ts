import { eq, sql } from 'drizzle-orm';
import { tablesInLoadOrder } from '../db/backup-catalog';
import { query } from '../db/query';
import type { Deps } from '../http/app-env';
import { chains } from '../org/org.tables';
import { SEEDING_CODE } from './seed';

/**
 * Deletes a demo chain whose seeding was stopped (it still carries `SEEDING_CODE`), every row of
 * it in every table, children before parents, in one transaction. Answers whether there was one.
 */
export async function removeStoppedSeed({ db }: Deps): Promise<boolean> {
  const [stopped] = await db.select({ id: chains.id }).from(chains).where(eq(chains.code, SEEDING_CODE));
  if (!stopped) return false;
  await db.transaction(async (tx) => {
    const tenantTables = new Set((await query<{ name: string }>(tx, sql`
      select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'chain_id'`)).map((t) => t.name));
    for (const { name } of (await tablesInLoadOrder(tx)).reverse()) {
      if (tenantTables.has(name)) await tx.execute(sql`delete from ${sql.identifier(name)} where chain_id = ${stopped.id}`);
    }
    await tx.delete(chains).where(eq(chains.id, stopped.id));
  });
  return true;
}
