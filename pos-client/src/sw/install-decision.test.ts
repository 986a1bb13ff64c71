import { describe, expect, it } from 'vitest';
import { mayInstallUpdate, QUIET_BEFORE_INSTALL_MS, whyUpdateWaits, type TillActivity } from './install-decision';

const now = 1_000_000;
const idle: TillActivity = { lines: 0, payments: 0, cardPending: false, completing: false, printing: false, screenHeld: false, dialogOpen: false, lastActivityAt: now - QUIET_BEFORE_INSTALL_MS };

describe('whether a downloaded version may install now', () => {
  it('installs on an idle till left alone long enough', () => {
    expect(whyUpdateWaits(idle, now)).toBeNull();
    expect(mayInstallUpdate(idle, now)).toBe(true);
  });

  it('never installs with a line on screen, however long the till has been left alone', () => {
    const open = { ...idle, lines: 1, lastActivityAt: now - 3_600_000 };
    expect(whyUpdateWaits(open, now)).toBe('basket_open');
    expect(mayInstallUpdate(open, now, true)).toBe(false);
  });

  it('never installs while a payment is taken, on the card terminal or being completed, even with no line left', () => {
    expect(whyUpdateWaits({ ...idle, payments: 1 }, now)).toBe('payment_in_progress');
    expect(whyUpdateWaits({ ...idle, cardPending: true }, now, true)).toBe('payment_in_progress');
    expect(whyUpdateWaits({ ...idle, completing: true }, now, true)).toBe('payment_in_progress');
  });

  it('waits for the bridge to take the receipt, for a held screen and for any dialog to close', () => {
    expect(whyUpdateWaits({ ...idle, printing: true }, now, true)).toBe('printing');
    expect(whyUpdateWaits({ ...idle, screenHeld: true }, now, true)).toBe('screen_held');
    expect(whyUpdateWaits({ ...idle, dialogOpen: true }, now, true)).toBe('dialog_open');
  });

  it('names the sale first when several things hold it', () => {
    expect(whyUpdateWaits({ ...idle, lines: 2, payments: 1, dialogOpen: true }, now)).toBe('basket_open');
    expect(whyUpdateWaits({ ...idle, payments: 1, dialogOpen: true }, now)).toBe('payment_in_progress');
  });

  it('lets the change of a sale just completed stay on screen before installing by itself', () => {
    const justSold = { ...idle, lastActivityAt: now - 1_000 };
    expect(whyUpdateWaits(justSold, now)).toBe('recently_active');
    expect(whyUpdateWaits(justSold, now - 1_000 + QUIET_BEFORE_INSTALL_MS)).toBeNull();
  });

  it('installs at once when the cashier asks on an idle till', () => {
    expect(mayInstallUpdate({ ...idle, lastActivityAt: now }, now, true)).toBe(true);
  });
});
