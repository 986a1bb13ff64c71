import { useState } from 'react';
import { uuidv7, type ManualDiscount, type Minor, type SaleApproval } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import type { Basket } from '../sales/basket';
import type { SellNotice } from '../sales/use-basket';
import type { KeyGate, KeyPress } from './key-gate';
import { overrideDiscount, type PriceOverride } from './price-override';

/** An override the sale will record, and what it stands for: a discount's id, a line's id (a price), or nothing. */
interface TrackedApproval {
  approval: SaleApproval;
  ref: string | null;
}

interface TillKeysInput {
  gate: KeyGate;
  basket: Basket;
  setNotice: (notice: SellNotice | null) => void;
  removeSelected: () => void;
  /** Empties the basket and everything given on it. */
  voidSale: () => void;
  reprintLast: () => Promise<void>;
}

/**
 * The sell screen's guarded function keys (void a line, void the ticket, set a price, open the
 * drawer without a sale, reprint, refund and its return screen): each goes through the clerk's key gate, and every
 * manager's approval given on this basket is kept for the sale, as long as what it approved is
 * still on the basket.
 */
export function useTillKeys({ gate, basket, setNotice, removeSelected, voidSale, reprintLast }: TillKeysInput) {
  const { bridge, now, randomBytes } = useTillServices();
  const [approvals, setApprovals] = useState<readonly TrackedApproval[]>([]);
  const [overrides, setOverrides] = useState<readonly PriceOverride[]>([]);
  const [returnScreen, setReturnScreen] = useState<{ approval: SaleApproval | null } | null>(null);

  const refuse = (press: KeyPress) => setNotice({ tone: 'error', code: 'KEY_FORBIDDEN', params: { tillKey: press.key } });
  const keep = (approval: SaleApproval | null, ref: string | null) => {
    if (approval) setApprovals((current) => [...current, { approval, ref }]);
  };

  async function guarded(press: KeyPress, run: (approval: SaleApproval | null) => void | Promise<void>): Promise<void> {
    const outcome = await gate.request(press);
    if (outcome.ok) return run(outcome.approval);
    if (outcome.reason === 'forbidden') refuse(press);
  }

  const lineIds = new Set(basket.lines.map((l) => l.id));
  const liveOverrides = overrides.filter((o) => lineIds.has(o.lineId));

  return {
    overrides: liveOverrides,
    /** The manual discounts the price overrides stand as, for the lines as they are now. */
    overrideDiscounts: (): ManualDiscount[] =>
      liveOverrides.flatMap((o) => {
        const line = basket.lines.find((l) => l.id === o.lineId);
        return line ? [overrideDiscount(o, line)] : [];
      }),
    /** The approvals the sale records, given the discounts still on the basket. */
    liveApprovals: (discountIds: ReadonlySet<string>): SaleApproval[] =>
      approvals.filter(({ ref }) => ref === null || discountIds.has(ref) || liveOverrides.some((o) => o.lineId === ref)).map((a) => a.approval),
    keepDiscountApproval: (approval: SaleApproval | null, discountId: string) => keep(approval, discountId),
    voidLine: () => {
      if (basket.selectedId === null) return;
      void guarded({ key: 'void_line' }, (approval) => {
        // The line leaves the sale, so the approval names no line.
        keep(approval, null);
        removeSelected();
      });
    },
    voidTicket: () => {
      if (basket.lines.length === 0) return;
      void guarded({ key: 'void_ticket' }, () => {
        voidSale();
        setNotice({ tone: 'note', message: 'keys.ticketVoided' });
      });
    },
    setPrice: (lineId: string, unitPriceMinor: Minor) =>
      guarded({ key: 'price_override', lineId }, (approval) => {
        keep(approval, lineId);
        const discountId = uuidv7(now().getTime(), randomBytes(10));
        const enteredBy = approval?.approvedBy ?? gate.clerkId;
        setOverrides((current) => [...current.filter((o) => o.lineId !== lineId), { lineId, unitPriceMinor, discountId, enteredBy }]);
      }),
    noSale: () =>
      guarded({ key: 'no_sale' }, async () => {
        const opened = await bridge.request({ type: 'drawer.open', saleId: null });
        setNotice(opened.ok ? { tone: 'note', message: 'keys.drawerOpened' } : { tone: 'error', code: 'DRAWER_NOT_OPENED', params: { reason: opened.code } });
      }),
    reprint: () => guarded({ key: 'reprint' }, () => reprintLast()),
    /** Opens the return screen (退换货) once the key allows it; a manager's approval goes on the return. */
    refund: () => guarded({ key: 'refund' }, (approval) => setReturnScreen({ approval })),
    returnScreen,
    closeReturnScreen: () => setReturnScreen(null),
    reset: () => {
      setApprovals([]);
      setOverrides([]);
    },
  };
}
