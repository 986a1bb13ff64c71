import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Gives every member of the chain who has none yet their own account (under the member's id,
 * which is also their `account_id`) and their card number as an active card (cancelled for an
 * inactive member). Enrolment and the member import call it in their transaction; running it
 * again changes nothing.
 */
export async function openMemberAccounts(tx: Db, chainId: string, now: Date): Promise<void> {
  await tx.execute(sql`insert into member_accounts (chain_id, id, holder_member_id, updated_at)
    select m.chain_id, m.id, m.id, ${now.toISOString()} from members m
    where m.chain_id = ${chainId} and m.account_id = m.id
      and not exists (select 1 from member_accounts a where a.chain_id = m.chain_id and a.id = m.id)`);
  await tx.execute(sql`insert into member_cards (chain_id, id, card_no, member_id, status, issued_at, status_changed_at)
    select m.chain_id, m.id, m.card_no, m.id, case when m.active then 'active'::member_card_status else 'cancelled'::member_card_status end, m.created_at, m.created_at
    from members m
    where m.chain_id = ${chainId}
      and not exists (select 1 from member_cards c where c.chain_id = m.chain_id and c.card_no = m.card_no)`);
}
