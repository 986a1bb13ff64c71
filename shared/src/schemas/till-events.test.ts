import { describe, expect, it } from 'vitest';
import { SALE_LIMITS } from './sale-limits';
import { SyncDocument } from './sync';
import { TillEvent } from './till-events';

const id = (n: number) => `0192f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const clerk = id(4);
const manager = id(6);
const approval = { id: id(700), key: 'no_sale', lineId: null, requestedBy: clerk, approvedBy: manager, at: '2026-11-22T04:00:30Z' };

const base = { kind: 'till_event', id: id(1), storeId: id(2), deviceId: id(3), completedAt: '2026-11-22T04:01:00Z', clerkId: clerk };
const noSale = { ...base, event: 'no_sale', ticket: null, receiptNo: null, approval };
const voided = { ...base, event: 'void_ticket', ticket: { lineCount: 3, grossMinor: 1250, netMinor: 1100, currency: 'CNY' }, receiptNo: null, approval: null };
const reprint = { ...base, event: 'reprint', ticket: null, receiptNo: 'T001-42', approval: null };

const problems = (input: unknown) => {
  const parsed = TillEvent.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('TillEvent', () => {
  it('takes a no-sale with its approval, a voided ticket and a reprint, each as a pushed document', () => {
    for (const doc of [noSale, voided, reprint]) {
      expect(problems(doc)).toEqual([]);
      expect(SyncDocument.parse(doc).kind).toBe('till_event');
    }
  });

  it('refuses an approval the clerk gave themselves, one for another key, one asked by someone else, or one on a line', () => {
    expect(problems({ ...noSale, approval: { ...approval, approvedBy: clerk } })).toEqual(['approval.approvedBy: a clerk cannot approve their own request']);
    expect(problems({ ...noSale, approval: { ...approval, key: 'reprint' } })).toEqual(['approval.key: the approval is for reprint, not for no_sale']);
    expect(problems({ ...noSale, approval: { ...approval, requestedBy: id(9) } })).toEqual(['approval.requestedBy: the approval was asked for by the clerk who pressed the key']);
    expect(problems({ ...noSale, approval: { ...approval, lineId: id(100) } })).toEqual(['approval.lineId: an approval of a till event names no line']);
  });

  it('asks a voided ticket for its basket and a reprint for its receipt, and nothing of the kind from the others', () => {
    expect(problems({ ...voided, ticket: null })).toEqual(['ticket: a voided ticket says what was in the basket']);
    expect(problems({ ...noSale, ticket: voided.ticket })).toEqual(['ticket: only a voided ticket carries a basket']);
    expect(problems({ ...reprint, receiptNo: null })).toEqual(['receiptNo: a reprint names the receipt it printed again']);
    expect(problems({ ...noSale, receiptNo: 'T001-1' })).toEqual(['receiptNo: only a reprint names a receipt']);
  });

  it('bounds the voided basket as a sale is bounded, and keeps net within gross', () => {
    const ticket = (over: object) => ({ ...voided, ticket: { ...voided.ticket, ...over } });
    expect(problems(ticket({ grossMinor: SALE_LIMITS.saleMinor + 1 }))).toEqual([`ticket.grossMinor: must be at most ${SALE_LIMITS.saleMinor}`]);
    expect(problems(ticket({ lineCount: SALE_LIMITS.lines + 1 }))).toHaveLength(1);
    expect(problems(ticket({ lineCount: 0 }))).toEqual(['ticket.lineCount: a voided ticket has at least one line']);
    expect(problems(ticket({ netMinor: -1 }))).toHaveLength(1);
    expect(problems(ticket({ grossMinor: 10.5 }))).toHaveLength(1);
    expect(problems(ticket({ netMinor: 1300 }))).toEqual(['ticket.netMinor: net is more than gross']);
  });

  it('refuses an unknown event, an id in capitals or not made on the till, and control characters in the receipt number', () => {
    expect(problems({ ...noSale, event: 'open_safe' })).toHaveLength(1);
    expect(problems({ ...noSale, id: id(1).toUpperCase() })).toEqual(['id: ids are written in lower case']);
    expect(problems({ ...noSale, id: '3f0b8c1e-0000-4000-8000-000000000001' })).toHaveLength(1);
    expect(problems({ ...reprint, receiptNo: 'T001\u0000-1' })).toHaveLength(1);
  });
});
