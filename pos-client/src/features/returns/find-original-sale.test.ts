import { describe, expect, it } from 'vitest';
import { emptyReturnHistory, type ReceiptLookup } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import type { Connection } from '../../sync/sync-worker';
import { findOriginalSale, OWN_SALE_HQ_WAIT_MS } from './find-original-sale';
import { tillWithSale } from './till-with-sale.fixture';

/** An HQ that records each receipt asked for, with the time-out the till gave it, and answers as told. */
function fakeHq(answer: HqResult<ReceiptLookup>) {
  const asked: { receiptNo: string; timeoutMs: number | undefined }[] = [];
  return {
    asked,
    lookUpReceipt: async (_token: string, receiptNo: string, timeoutMs?: number) => {
      asked.push({ receiptNo, timeoutMs });
      return answer;
    },
  };
}

const unreachable: HqResult<ReceiptLookup> = { ok: false, failure: { kind: 'unreachable' } };
const connected = (connection: Connection) => () => connection;

describe('findOriginalSale', () => {
  it('finds its own sale from the journal without asking HQ while the sync loop finds HQ unreachable', async () => {
    const { db, sale } = await tillWithSale();
    const hq = fakeHq(unreachable);
    const found = await findOriginalSale({ db, hq, connection: connected('offline') }, ` ${sale.receiptNo.toLowerCase()} `);
    expect(found).toEqual({ ok: true, original: { sale, storeCode: 'S001', history: emptyReturnHistory, source: 'journal' } });
    expect(hq.asked).toEqual([]);
  });

  it('asks HQ only briefly about its own sale, and goes on from the journal when HQ does not answer', async () => {
    const { db, sale } = await tillWithSale();
    const hq = fakeHq(unreachable);
    const found = await findOriginalSale({ db, hq, connection: connected('online') }, sale.receiptNo);
    expect(found.ok && found.original.source).toBe('journal');
    expect(hq.asked).toEqual([{ receiptNo: sale.receiptNo, timeoutMs: OWN_SALE_HQ_WAIT_MS }]);
  });

  it('takes HQ’s count of what other tills took back of its own sale when HQ answers', async () => {
    const { db, sale } = await tillWithSale();
    const line = sale.lines[0]!;
    const returned = { ...emptyReturnHistory, returnIds: ['0195505c-0000-7000-8000-0000000000f1'], lines: [{ saleLineId: line.id, quantity: 1, refundMinor: line.netMinor }] };
    const hq = fakeHq({ ok: true, value: { sale, storeCode: 'S001', returned } });
    const found = await findOriginalSale({ db, hq, connection: connected('online') }, sale.receiptNo);
    expect(found).toEqual({ ok: true, original: { sale, storeCode: 'S001', history: returned, source: 'journal' } });
  });

  it('asks HQ with the full wait for a receipt it never printed, and says so plainly when HQ is unreachable or does not know it', async () => {
    const { db } = await tillWithSale();
    const offline = fakeHq(unreachable);
    expect(await findOriginalSale({ db, hq: offline, connection: connected('offline') }, 'T09-7')).toEqual({ ok: false, code: 'RECEIPT_LOOKUP_OFFLINE' });
    expect(offline.asked).toEqual([{ receiptNo: 'T09-7', timeoutMs: undefined }]);
    const unknown = fakeHq({ ok: false, failure: { kind: 'http', status: 404, code: 'NOT_FOUND', message: 'no such receipt', details: undefined } });
    expect(await findOriginalSale({ db, hq: unknown, connection: connected('online') }, 'T09-7')).toEqual({ ok: false, code: 'RECEIPT_NOT_FOUND' });
    expect(await findOriginalSale({ db, hq: unknown, connection: connected('online') }, 'T09/7')).toEqual({ ok: false, code: 'RECEIPT_INVALID' });
  });
});
