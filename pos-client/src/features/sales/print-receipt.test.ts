import { describe, expect, it, vi } from 'vitest';
import type { BridgeState } from '../../bridge/bridge-client';
import { printReceipt, type ReceiptBridge } from './print-receipt';
import { sampleSale } from './sample-sale.fixture';
import { saleReceiptDocument, tookCash } from './sale-receipt-document';

const store = { id: '0195505c-0000-7000-8000-0000000000b1', code: 'S001', nameZh: '人民广场店', nameEn: 'People Square', operation: 'direct', connectivity: 'online', franchiseeId: null, timeZone: 'Asia/Shanghai', currency: 'CNY', active: true } as const;
const sale = sampleSale('0195505c-0000-7000-8000-000000000001');
const job = { jobId: sale.id, document: saleReceiptDocument(sale, store, 'Wang Fang'), openDrawer: true };
const printed = { jobId: sale.id, printerId: 'receipt', documentId: sale.id, state: 'queued', attempts: 0, error: null } as const;

function bridgeAnswering(state: BridgeState, ...answers: unknown[]) {
  const request = vi.fn(async () => answers.shift());
  return { bridge: { state, request } as unknown as ReceiptBridge, request };
}

describe('printReceipt', () => {
  it('sends the sale to the bridge as one job that also opens the drawer', async () => {
    const { bridge, request } = bridgeAnswering('ready', { ok: true, result: printed });
    const browser = vi.fn();
    expect(await printReceipt(bridge, job, browser)).toEqual({ via: 'bridge', job: printed });
    expect(request).toHaveBeenCalledWith({ type: 'print.document', jobId: sale.id, document: job.document, openDrawer: true });
    expect(browser).not.toHaveBeenCalled();
  });

  it('prints in the browser when no bridge is paired or connected', async () => {
    for (const state of ['offline', 'unpaired', 'connecting'] as const) {
      const browser = vi.fn();
      expect(await printReceipt(bridgeAnswering(state).bridge, job, browser)).toEqual({ via: 'browser' });
      expect(browser.mock.calls[0]![0].documentId).toBe(sale.id);
    }
  });

  it('prints in the browser when the bridge has no printer', async () => {
    const browser = vi.fn();
    expect(await printReceipt(bridgeAnswering('ready', { ok: false, code: 'NO_PRINTER', message: 'none' }).bridge, job, browser)).toEqual({ via: 'browser' });
    expect(browser).toHaveBeenCalledOnce();
  });

  it('does not print in the browser what the bridge may already have printed', async () => {
    const browser = vi.fn();
    const { bridge } = bridgeAnswering('ready', { ok: false, code: 'CONNECTION_LOST', message: 'closed' });
    expect(await printReceipt(bridge, job, browser)).toEqual({ via: 'failed', code: 'CONNECTION_LOST' });
    expect(browser).not.toHaveBeenCalled();
  });

  it('still prints when the drawer was opened moments ago', async () => {
    const { bridge, request } = bridgeAnswering('ready', { ok: false, code: 'RATE_LIMITED', message: 'soon' }, { ok: true, result: printed });
    expect(await printReceipt(bridge, job, vi.fn())).toMatchObject({ via: 'bridge' });
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ jobId: sale.id, openDrawer: false }));
  });
});

describe('saleReceiptDocument', () => {
  it('names the store in both languages and opens the drawer for cash', () => {
    expect(job.document.store.name).toBe('人民广场店 People Square');
    expect(tookCash(sale)).toBe(true);
    expect(tookCash({ ...sale, payments: [{ ...sale.payments[0]!, tender: 'bank_card' }] })).toBe(false);
  });
});
