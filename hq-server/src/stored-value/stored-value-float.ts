import type { StoredValueFloat } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { storesInScope } from '../http/scope';

interface PartRow {
  franchisee_id: string | null;
  code: string | null;
  name: string | null;
  balance: string;
  bonus: string;
}

/**
 * Stored value owed to members now (储值余额), by the franchisee each ledger entry names: the
 * franchisee whose store made it, when it was made, as settlement between franchisees and HQ
 * reads the ledger (储值跨店结算); null for directly operated stores and HQ's own entries
 * (adjustments, transfers between merged members). Every account's balance is the sum of its
 * entries (`pnpm ledger:verify` proves it), so HQ's parts add up to what the chain owes.
 * HQ sees every franchisee, those with nothing owed too; a franchisee the entries naming them;
 * a region or store manager the entries made in their stores.
 */
export async function storedValueFloat(db: Db, principal: Principal, now: Date): Promise<StoredValueFloat> {
  const { chainId } = principal;
  const hq = principal.kind === 'office' && principal.role === 'hq_admin';
  const own = principal.kind === 'office' && principal.role === 'franchisee';
  const storeIds = hq || own ? [] : (await storesInScope(db, principal)).map((s) => s.id);
  const ownId = own && principal.franchiseeId ? sql`${principal.franchiseeId}` : sql`null`;
  const scope = hq ? sql`` : own ? sql`and e.franchisee_id = ${ownId}` : sql`and e.store_id = any(${uuidArray(storeIds)}::uuid[])`;
  // HQ lists every franchisee and a franchisee themselves, with nothing owed too; a manager only the franchisees of entries in their stores.
  const franchisee = hq || own
    ? sql`full join (select id, code, name from franchisees where chain_id = ${chainId} ${own ? sql`and id = ${ownId}` : sql``}) f on f.id = o.franchisee_id`
    : sql`left join franchisees f on f.chain_id = ${chainId} and f.id = o.franchisee_id`;
  const rows = await query<PartRow>(db, sql`
    with owed as (
      select e.franchisee_id, sum(e.amount_minor) as balance, sum(e.bonus_minor) as bonus
      from stored_value_entries e where e.chain_id = ${chainId} ${scope}
      group by e.franchisee_id
    )
    select coalesce(f.id, o.franchisee_id) as franchisee_id, f.code, f.name, coalesce(o.balance, 0)::text as balance, coalesce(o.bonus, 0)::text as bonus
    from owed o ${franchisee}
    order by coalesce(f.id, o.franchisee_id) is not null, f.code, coalesce(f.id, o.franchisee_id)`);
  const parts = rows.map((r) => figures(r.franchisee_id, r.code, r.name, Number(r.balance), Number(r.bonus)));
  const sum = (key: 'balanceMinor' | 'bonusMinor') => parts.reduce((n, p) => n + p[key], 0);
  const { franchiseeId: _id, code: _code, name: _name, ...total } = figures(null, null, null, sum('balanceMinor'), sum('bonusMinor'));
  return { asOf: now.toISOString(), parts, total };
}

const figures = (franchiseeId: string | null, code: string | null, name: string | null, balanceMinor: number, bonusMinor: number) => ({
  franchiseeId, code, name, balanceMinor, bonusMinor, ownMinor: balanceMinor - bonusMinor,
});
