import type { DeviceSummary, PairingCode } from '@pos/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { clerkSessions, tillDevices } from '../org/org.tables';
import { PAIRING_MINUTES, unusedPairingCode } from './devices.service';
import { hashSecret } from './secrets';

type DeviceRow = typeof tillDevices.$inferSelect;

function toDeviceSummary(row: DeviceRow): DeviceSummary {
  return {
    id: row.id,
    storeId: row.storeId,
    code: row.code,
    name: row.name,
    pairedAt: row.pairedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    pairingExpiresAt: row.pairingExpiresAt?.toISOString() ?? null,
    state: row.revokedAt ? 'revoked' : row.tokenHash ? 'paired' : 'waiting',
  };
}

/** Store ids whose tills the caller manages: HQ, a franchisee or a store manager within their scope; a cashier none. */
async function managedStoreIds({ db }: Deps, principal: OfficePrincipal): Promise<string[]> {
  if (principal.role === 'cashier') throw new AppError('FORBIDDEN', 'cashiers cannot manage devices');
  return (await storesInScope(db, principal)).map((s) => s.id);
}

/** The till devices of the stores in the caller's scope, by code. */
export async function listDevices(deps: Deps, principal: OfficePrincipal): Promise<DeviceSummary[]> {
  const storeIds = await managedStoreIds(deps, principal);
  if (storeIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(tillDevices)
    .where(and(eq(tillDevices.chainId, principal.chainId), inArray(tillDevices.storeId, storeIds)))
    .orderBy(tillDevices.code);
  return rows.map(toDeviceSummary);
}

async function deviceInScope(deps: Deps, principal: OfficePrincipal, deviceId: string): Promise<DeviceRow> {
  const storeIds = await managedStoreIds(deps, principal);
  const [row] = await deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, principal.chainId), eq(tillDevices.id, deviceId)));
  if (!row || !storeIds.includes(row.storeId)) throw new AppError('NOT_FOUND', 'no such device');
  return row;
}

/**
 * Revokes a lost or stolen till: its token answers 401 from now on, any pairing code it was waiting
 * on stops working, and the clerk sessions begun on it end. Revoking it again changes nothing.
 */
export async function revokeDevice(deps: Deps, principal: OfficePrincipal, deviceId: string): Promise<DeviceSummary> {
  const before = await deviceInScope(deps, principal, deviceId);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const device = and(eq(tillDevices.chainId, principal.chainId), eq(tillDevices.id, deviceId));
    // A till revoked before keeps the instant it was first revoked.
    await tx.update(tillDevices).set({ revokedAt: sql`coalesce(${tillDevices.revokedAt}, ${now.toISOString()}::timestamptz)`, pairingCodeHash: null, pairingExpiresAt: null }).where(device);
    await tx
      .update(clerkSessions)
      .set({ revokedAt: now })
      .where(and(eq(clerkSessions.chainId, principal.chainId), eq(clerkSessions.deviceId, deviceId), isNull(clerkSessions.revokedAt)));
    const [row] = await tx.select().from(tillDevices).where(device);
    const after = toDeviceSummary(row!);
    await recordAudit(tx, principal, deps.clock, { entity: 'device', entityId: deviceId, action: 'revoke', before: toDeviceSummary(before), after, storeId: before.storeId });
    return after;
  });
}

/**
 * A new one-time code for an existing device, so a revoked till (or one whose code ran out) can be
 * paired again as the same device and push the sales it queued. Pairing replaces its token.
 */
export async function rearmDevice(deps: Deps, principal: OfficePrincipal, deviceId: string): Promise<PairingCode> {
  const before = await deviceInScope(deps, principal, deviceId);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
  const code = await unusedPairingCode(deps.db, now);
  await deps.db.transaction(async (tx) => {
    await tx.update(tillDevices).set({ pairingCodeHash: hashSecret(code), pairingExpiresAt: expiresAt })
      .where(and(eq(tillDevices.chainId, principal.chainId), eq(tillDevices.id, deviceId)));
    // The code itself is a secret: the trail keeps only until when it works.
    await recordAudit(tx, principal, deps.clock, {
      entity: 'device', entityId: deviceId, action: 'pairing_code', before: toDeviceSummary(before), after: { ...toDeviceSummary(before), pairingExpiresAt: expiresAt.toISOString() }, storeId: before.storeId,
    });
  });
  return { code, deviceId, expiresAt: expiresAt.toISOString() };
}
