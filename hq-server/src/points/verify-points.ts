import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';

export interface PoolDifference {
  chainId: string;
  accountId: string;
  /** The balance against the sum of the entries, or the lots still held against the balance. */
  problem: 'balance' | 'lots';
  expected: number;
  actual: number;
  what: string;
}

/**
 * Proves every points pool of every chain: its balance equals the sum of its ledger entries, and
 * its lots still held add up to it. Answers
 * every difference found (none when the ledger is sound); `pnpm ledger:verify` reports them.
 */
export async function verifyPointsPools(db: Db): Promise<PoolDifference[]> {
  const rows = await query<{ chain_id: string; account_id: string; points: string; entries: string; lots: string }>(db, sql`
    select a.chain_id, a.id as account_id, a.points::text as points,
      coalesce((select sum(e.points) from points_entries e where e.chain_id = a.chain_id and e.account_id = a.id), 0)::text as entries,
      coalesce((select sum(l.remaining) from points_lots l where l.chain_id = a.chain_id and l.account_id = a.id), 0)::text as lots
    from member_accounts a order by a.chain_id, a.id`);
  return rows.flatMap((r) => {
    const actual = Number(r.points);
    const found: PoolDifference[] = [];
    if (Number(r.entries) !== actual) found.push({ chainId: r.chain_id, accountId: r.account_id, problem: 'balance', expected: Number(r.entries), actual, what: 'points balance differs from the sum of its entries' });
    if (Number(r.lots) !== actual) found.push({ chainId: r.chain_id, accountId: r.account_id, problem: 'lots', expected: Number(r.lots), actual, what: 'points lots held differ from the points balance' });
    return found;
  });
}
