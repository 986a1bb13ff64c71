import { describe, expect, it, vi } from 'vitest';
import type { PairedDevice } from '@pos/shared';
import { cola, createTestDb, pairedDevice } from '../../db/test-db.fixture';
import type { HqClient } from '../../hq/hq-client';
import type { HqResult } from '../../hq/hq-failure';
import { pairDevice } from './pair-device';

function hqAnswering(answer: HqResult<PairedDevice>) {
  const pair = vi.fn(async () => answer);
  return { hq: { pairDevice: pair } as unknown as HqClient, pair };
}

describe('pairDevice', () => {
  it('keeps the device token, device, store and chain', async () => {
    const db = createTestDb();
    const { hq, pair } = hqAnswering({ ok: true, value: pairedDevice });
    expect(await pairDevice({ db, hq }, ' 1234 5678 ')).toEqual({ ok: true, paired: pairedDevice });
    expect(pair).toHaveBeenCalledWith({ code: '12345678' });
    expect(await db.getMeta('pairing')).toEqual(pairedDevice);
  });

  it('does not ask HQ about a code that is not 8 digits', async () => {
    const { hq, pair } = hqAnswering({ ok: true, value: pairedDevice });
    expect(await pairDevice({ db: createTestDb(), hq }, '1234')).toEqual({ ok: false, code: 'PAIRING_CODE_FORMAT' });
    expect(pair).not.toHaveBeenCalled();
  });

  it("passes HQ's error code on", async () => {
    const { hq } = hqAnswering({ ok: false, failure: { kind: 'http', status: 400, code: 'PAIRING_CODE_INVALID', message: 'expired', details: undefined } });
    expect(await pairDevice({ db: createTestDb(), hq }, '12345678')).toEqual({ ok: false, code: 'PAIRING_CODE_INVALID' });
  });

  it("forgets the old store's catalog when paired for another store", async () => {
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    await db.products.put(cola);
    await db.putMeta('sync', { cursor: 99, headSeq: 99, initialPullDoneAt: 'x', lastPullAt: null, lastPushAt: null });
    const otherStore = { ...pairedDevice, store: { ...pairedDevice.store, id: '0195505c-0000-7000-8000-0000000000b9' } };
    await pairDevice({ db, hq: hqAnswering({ ok: true, value: otherStore }).hq }, '12345678');
    expect(await db.products.count()).toBe(0);
    expect((await db.getSyncMeta()).cursor).toBe(0);
  });
});
