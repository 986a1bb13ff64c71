/** Who may call an operation: anyone, a till, an office user, both, or HQ's office users only. */
export type Access = 'public' | 'device' | 'office' | 'device+office' | 'hq';

/**
 * Every operation HQ serves, by who may call it. The isolation matrix fails on a route missing here,
 * so a new route is classified, and then checked, before it can ship.
 */
export const access: Record<string, Access> = {
  'GET /health': 'public',
  'POST /auth/office/sign-in': 'public',
  'POST /devices/pair': 'public',
  'POST /auth/clerk/sign-in': 'device',
  'GET /sync/pull': 'device',
  'POST /sync/push': 'device',
  'GET /reports/store-day': 'device+office',
  'GET /vouchers/{code}': 'device+office',
  'GET /members/lookup': 'device+office',
  'POST /auth/clerk/sign-out': 'device',
  'POST /auth/office/sign-out': 'office',
  'GET /auth/sessions': 'office',
  'DELETE /auth/sessions/{id}': 'office',
  'GET /devices': 'office',
  'POST /devices/{id}/revoke': 'office',
  'POST /devices/{id}/pairing-code': 'office',
  'POST /devices/pairing-codes': 'office',
  'GET /stores': 'office',
  'GET /catalog/products': 'office',
  'GET /products': 'office',
  'GET /categories': 'office',
  'GET /assortments/{storeId}': 'office',
  'GET /pricing/member-levels': 'office',
  'POST /pricing/preview': 'office',
  'GET /pricing/discrepancies': 'office',
  'GET /settings/pricing': 'office',
  'GET /promotions': 'office',
  'GET /promotions/{id}': 'office',
  'GET /members': 'office',
  'GET /sales/approvals': 'office',
  'PUT /assortments/{storeId}': 'hq',
  'DELETE /assortments/{storeId}': 'hq',
  'POST /pricing/prices': 'hq',
  'DELETE /pricing/prices/{id}': 'hq',
  'POST /pricing/prices/import': 'hq',
  'POST /pricing/member-levels': 'hq',
  'PUT /settings/pricing': 'hq',
  'POST /promotions': 'hq',
  'PUT /promotions/{id}': 'hq',
  'DELETE /promotions/{id}': 'hq',
  'POST /members': 'hq',
};

/** Operations that end the session their request came with: each call gets a session of its own, so the caller's stays usable. */
export const endsCallerSession = new Set(['POST /auth/office/sign-out']);
