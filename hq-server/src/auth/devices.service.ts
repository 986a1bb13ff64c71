import type { CreatePairingCodeBody, PairDeviceBody, PairedDevice, PairingCode } from '@pos/shared';
import { and, eq, gt } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { newId } from '../ids';
import { chains, stores, tillDevices } from '../org/org.tables';
import { toStore } from '../org/org.mappers';
import { hashSecret, issueToken, newPairingCode } from './secrets';

const PAIRING_MINUTES = 30;

/** An office user makes a new till device for a store in their scope and gets a one-time code to pair it. */
export async function createPairingCode(deps: Deps, principal: OfficePrincipal, body: CreatePairingCodeBody): Promise<PairingCode> {
  if (principal.role === 'cashier') throw new AppError('FORBIDDEN', 'cashiers cannot pair devices');
  await storeInScope(deps.db, principal, body.storeId);
  const code = newPairingCode();
  const expiresAt = new Date(deps.clock().getTime() + PAIRING_MINUTES * 60_000);
  const deviceId = newId(deps.clock);
  const count = await deps.db.$count(tillDevices, eq(tillDevices.chainId, principal.chainId));
  await deps.db.insert(tillDevices).values({
    chainId: principal.chainId,
    id: deviceId,
    storeId: body.storeId,
    code: `T${String(count + 1).padStart(3, '0')}`,
    name: body.name,
    pairingCodeHash: hashSecret(code),
    pairingExpiresAt: expiresAt,
  });
  return { code, deviceId, expiresAt: expiresAt.toISOString() };
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
    return {
      deviceToken: token,
      device: { id: device.id, storeId: device.storeId, code: device.code, name: device.name, pairedAt: now.toISOString() },
      store: toStore(store),
      chain: { id: chain.id, name: chain.name },
    };
  });
}
