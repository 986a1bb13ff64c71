import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Gives every member of the chain who has none yet their own account, under the member's id
 * (which is also their `account_id` unless they are a child card). Enrolment, the member import
 * and the demo seed call it in their transaction; running it again changes nothing.
 */
export async function openMemberAccounts(tx: Db, chainId: string, now: Date): Promise<void> {
  await tx.execute(sql`insert into member_accounts (chain_id, id, holder_member_id, updated_at)
    select m.chain_id, m.id, m.id, ${now.toISOString()} from members m
    where m.chain_id = ${chainId}
      and not exists (select 1 from member_accounts a where a.chain_id = m.chain_id and a.id = m.id)`);
}
