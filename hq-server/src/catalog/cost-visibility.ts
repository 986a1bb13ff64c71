import type { Principal } from '../http/app-env';

/**
 * Whether a caller may see cost prices (进价): the one place this is decided, so every route that
 * could show a cost asks here. Head office for now; role permissions join this decision later.
 */
export function canSeeCost(principal: Principal): boolean {
  return principal.kind === 'office' && principal.role === 'hq_admin';
}
