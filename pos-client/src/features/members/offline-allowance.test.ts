import { describe, expect, it } from 'vitest';
import { minor, type SalePayment } from '@pos/shared';
import { offlineRoom } from './offline-allowance';

const allowance = { chainId: '0195505c-0000-7000-8000-0000000000c1', cardMinor: 5_000, tillMinor: 50_000 };
const offline = (cardNo: string, amount: number): Pick<SalePayment, 'tender' | 'amountMinor' | 'offlineCardNo'> => ({ tender: 'stored_value', amountMinor: minor(amount), offlineCardNo: cardNo });

describe('offlineRoom', () => {
  it('is nothing when the chain allows no offline stored value', () => {
    expect(offlineRoom(undefined, [], '888800018')).toBe(0);
    expect(offlineRoom({ ...allowance, cardMinor: 0 }, [], '888800018')).toBe(0);
  });

  it('is the card’s allowance less what the card took offline and HQ has not settled', () => {
    expect(offlineRoom(allowance, [], '888800018')).toBe(5_000);
    expect(offlineRoom(allowance, [offline('888800018', 3_000), offline('888800026', 4_000)], '888800018')).toBe(2_000);
    expect(offlineRoom(allowance, [offline('888800018', 6_000)], '888800018')).toBe(0);
  });

  it('is held to what is left of the till’s allowance across all cards', () => {
    const many = Array.from({ length: 9 }, (_, i) => offline(`88880${i}`, 5_000));
    expect(offlineRoom(allowance, many, '888800018')).toBe(5_000);
    expect(offlineRoom(allowance, [...many, offline('888809', 2_000)], '888800018')).toBe(3_000);
  });

  it('counts only stored value taken offline, not online payments or other tenders', () => {
    const online: Pick<SalePayment, 'tender' | 'amountMinor' | 'offlineCardNo'> = { tender: 'stored_value', amountMinor: minor(4_000) };
    const cash: Pick<SalePayment, 'tender' | 'amountMinor' | 'offlineCardNo'> = { tender: 'cash', amountMinor: minor(4_000) };
    expect(offlineRoom(allowance, [online, cash], '888800018')).toBe(5_000);
  });
});
