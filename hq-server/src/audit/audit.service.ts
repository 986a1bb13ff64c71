import type { AuditPage, AuditQuery } from '@pos/shared';
import type { Deps, Principal } from '../http/app-env';
import { officePrincipal } from '../http/require-role';
import { storesInScope } from '../http/scope';
import { findAuditEntries } from './audit.repo';

/**
 * The audit trail a caller may read: HQ the chain's; anyone else the entries about the stores in
 * their scope (a change that names one of them, the store itself, its clerks and office users)
 * and, for a franchisee, about themselves and their own office users.
 */
export async function listAuditEntries({ db }: Deps, principal: Principal, query: AuditQuery): Promise<AuditPage> {
  const office = officePrincipal(principal);
  if (office.role === 'hq_admin') return findAuditEntries(db, office.chainId, query, null);
  const storeIds = (await storesInScope(db, office)).map((s) => s.id);
  return findAuditEntries(db, office.chainId, query, { storeIds, franchiseeId: office.role === 'franchisee' ? office.franchiseeId : null });
}
