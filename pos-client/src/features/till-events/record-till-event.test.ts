import { describe, expect, it } from 'vitest';
import { TillEvent, type SaleApproval } from '@pos/shared';
import { createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import { recordTillEvent } from './record-till-event';

const at = new Date('2025-03-01T10:00:30.000Z');
const approval: SaleApproval = { id: '0195505c-0000-7000-8000-0000000000e2', key: 'no_sale', lineId: null, requestedBy: ids.clerk, approvedBy: '0195505c-0000-7000-8000-0000000000c2', at: at.toISOString() };

describe('recordTillEvent', () => {
  it('queues the event in the outbox for HQ, as the paired till and store', async () => {
    const db = createTestDb();
    await db.putMeta('pairing', pairedDevice);
    const randomBytes = (length: number) => new Uint8Array(length).fill(7);
    const event = await recordTillEvent({ db, now: () => at, randomBytes }, ids.clerk, { event: 'no_sale', approval: approval });
    expect(event).not.toBeNull();
    const queued = await db.outbox.get(event!.id);
    expect(queued).toMatchObject({ kind: 'till_event', state: 'pending', attempts: 0, createdAt: at.toISOString() });
    expect(TillEvent.parse(queued!.body)).toEqual(event);
    expect(event!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('queues nothing on a till that is not paired', async () => {
    const db = createTestDb();
    expect(await recordTillEvent({ db, now: () => at, randomBytes: (n) => new Uint8Array(n) }, ids.clerk, { event: 'no_sale', approval: null })).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});
