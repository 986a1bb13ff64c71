import type { CreatePairingCodeBody, PairDeviceBody, PairedDevice, PairingCode } from '@pos/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { requireOpenStore } from '../org/store-open';
import { newId } from '../ids';
import { chains, stores, tillDevices } from '../org/org.tables';
import { toStore } from '../org/org.mappers';
import { hashSecret, issueToken, newPairingCode } from './secrets';

export const PAIRING_MINUTES = 30;
/** The advisory lock class for numbering a chain's devices (7301 is the sync sequence's). */
const DEVICE_NUMBERING_LOCK = 7302;

/** An office user makes a new till device for a store in their scope and gets a one-time code to pair it. */
export async function createPairingCode(deps: Deps, principal: OfficePrincipal, body: CreatePairingCodeBody): Promise<PairingCode> {
  if (principal.role === 'cashier') throw new AppError('FORBIDDEN', 'cashiers cannot pair devices');
  await storeInScope(deps.db, principal, body.storeId);
  await requireOpenStore(deps.db, principal.chainId, body.storeId);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
  const deviceId = newId(deps.clock);
  const code = await deps.db.transaction(async (tx) => {
    // Devices are numbered T001, T002 … in their chain: one maker at a time per chain, so two made at once never take one number.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEVICE_NUMBERING_LOCK}, hashtext(${principal.chainId}))`);
    const pairingCode = await unusedPairingCode(tx, now);
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(substring(${tillDevices.code} from 2)::int), 0)` })
      .from(tillDevices)
      .where(and(eq(tillDevices.chainId, principal.chainId), sql`${tillDevices.code} ~ '^T[0-9]{1,9}$'`));
    await tx.insert(tillDevices).values({
      chainId: principal.chainId,
      id: deviceId,
      storeId: body.storeId,
      code: `T${String(Number(last?.number ?? 0) + 1).padStart(3, '0')}`,
      name: body.name,
      pairingCodeHash: hashSecret(pairingCode),
      pairingExpiresAt: expiresAt,
    });
    const after = { id: deviceId, storeId: body.storeId, name: body.name, pairingExpiresAt: expiresAt.toISOString() };
    await recordAudit(tx, principal, deps.clock, { entity: 'device', entityId: deviceId, action: 'create', before: null, after, storeId: body.storeId });
    return pairingCode;
  });
  return { code, deviceId, expiresAt: expiresAt.toISOString() };
}

/** A fresh code that no device is waiting to be paired with, so a code names one device only. */
export async function unusedPairingCode(db: Pick<Db, 'select'>, now: Date): Promise<string> {
  for (;;) {
    const code = newPairingCode();
    const [taken] = await db
      .select({ id: tillDevices.id })
      .from(tillDevices)
      .where(and(eq(tillDevices.pairingCodeHash, hashSecret(code)), gt(tillDevices.pairingExpiresAt, now)));
    if (!taken) return code;
  }
}

/** Re-arms an existing device with a fresh pairing code (used by the demo start-up to print codes). */
export async function rearmPairingCode({ db, clock }: Deps, chainId: string, deviceId: string, code: string, minutes: number): Promise<void> {
  await db
    .update(tillDevices)
    .set({ pairingCodeHash: hashSecret(code), pairingExpiresAt: new Date(clock().getTime() + minutes * 60_000) })
    .where(and(eq(tillDevices.chainId, chainId), eq(tillDevices.id, deviceId)));
}

/** A till exchanges a pairing code for its device token. The code works once. */
export async function pairDevice({ db, clock }: Deps, body: PairDeviceBody): Promise<PairedDevice> {
  const now = clock();
  return db.transaction(async (tx) => {
    const [device] = await tx
      .select()
      .from(tillDevices)
      .where(and(eq(tillDevices.pairingCodeHash, hashSecret(body.code)), gt(tillDevices.pairingExpiresAt, now)))
      .for('update');
    if (!device) throw new AppError('PAIRING_CODE_INVALID', 'the pairing code is wrong or has expired');
    const { token, hash } = issueToken('dev', device.chainId);
    await tx
      .update(tillDevices)
      .set({ tokenHash: hash, pairingCodeHash: null, pairingExpiresAt: null, pairedAt: now, revokedAt: null })
      .where(and(eq(tillDevices.chainId, device.chainId), eq(tillDevices.id, device.id)));
    const [store] = await tx.select().from(stores).where(and(eq(stores.chainId, device.chainId), eq(stores.id, device.storeId)));
    const [chain] = await tx.select().from(chains).where(eq(chains.id, device.chainId));
    if (!store || !chain) throw new Error(`device ${device.id} points at a missing store or chain`);
    const asDevice = { kind: 'device' as const, chainId: device.chainId, deviceId: device.id, deviceCode: device.code, storeId: device.storeId, storeTimeZone: store.timeZone };
    await recordAudit(tx, asDevice, clock, {
      entity: 'device', entityId: device.id, action: 'pair', before: { id: device.id, code: device.code, pairedAt: device.pairedAt?.toISOString() ?? null, revokedAt: device.revokedAt?.toISOString() ?? null },
      after: { id: device.id, code: device.code, pairedAt: now.toISOString(), revokedAt: null }, storeId: device.storeId,
    });
    return {
      deviceToken: token,
      device: { id: device.id, storeId: device.storeId, code: device.code, name: device.name, pairedAt: now.toISOString() },
      store: toStore(store),
      chain: { id: chain.id, name: chain.name },
    };
  });
}
