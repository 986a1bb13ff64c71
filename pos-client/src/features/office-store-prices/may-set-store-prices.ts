import type { StorePricingPolicy, UserRole } from '@pos/shared';

/** Whether a role may set store prices under the chain's policy, as HQ decides it: HQ always, a franchisee or store manager as the policy says. */
export function maySetStorePrices(role: UserRole, policy: StorePricingPolicy | undefined): boolean {
  if (role === 'hq_admin') return true;
  if (role === 'franchisee') return policy === 'franchisee' || policy === 'franchisee_and_store_manager';
  if (role === 'store_manager') return policy === 'franchisee_and_store_manager';
  return false;
}
