import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { minor, type FoundMember, type ManualDiscount, type Minor, type PairedDevice, type SaleApproval } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useBridgeScans } from '../../bridge/use-bridge';
import type { ClerkSignIn } from '../../db/till-db';
import { useLiveQuery } from '../../db/use-live-query';
import { useKeyGate } from '../permissions/use-key-gate';
import { useTillKeys } from '../permissions/use-till-keys';
import { memberContextOf } from '../members/member-context';
import { basketTotal, itemCount } from './basket';
import { spentVoucher, type SpentVoucher } from './check-voucher';
import { completeCashSale } from './complete-sale';
import { priceTillBasket } from './price-till-basket';
import { loadPricingSettings } from './pricing-settings';
import { useBasket } from './use-basket';
import { looksLikeScan, useCashPayment } from './use-cash-payment';
import { usePricedBasket } from './use-priced-basket';
import { useReceiptPrinting } from './use-receipt-printing';

export interface LastSale {
  receiptNo: string;
  totalMinor: number;
  tenderedMinor: number;
  changeMinor: number;
}

/**
 * Everything the sell screen does: scanning (typed, wedge or from the bridge), quantity keys,
 * cash, completing the sale and its receipt, and the function keys the clerk's till role guards.
 */
export function useSellScreen(pairing: PairedDevice, session: ClerkSignIn) {
  const services = useTillServices();
  const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
  const basket = useBasket(place);
  const settings = useLiveQuery(() => loadPricingSettings(services.db), [services.db]);
  const [member, setMember] = useState<FoundMember | null>(null);
  const [vouchers, setVouchers] = useState<readonly string[]>([]);
  const [spent, setSpent] = useState<SpentVoucher | null>(null);
  const [manualDiscounts, setManualDiscounts] = useState<readonly ManualDiscount[]>([]);
  const [dialog, setDialog] = useState<'member' | 'voucher' | 'discount' | 'price' | 'search' | null>(null);
  const [searchText, setSearchText] = useState('');
  const openSearch = (text: string) => {
    setSearchText(text);
    setDialog('search');
  };
  const { gate, asking, permissions } = useKeyGate(pairing.store.id, session);
  const receipts = useReceiptPrinting(pairing);
  const keys = useTillKeys({
    gate, basket: basket.basket, setNotice: basket.setNotice, removeSelected: basket.removeSelected, voidSale: () => resetSale(), reprintLast: receipts.reprintLast,
  });
  // A discount on a line taken out of the basket goes with it.
  const liveDiscounts = useMemo(
    () => manualDiscounts.filter((d) => d.lineId === null || basket.basket.lines.some((l) => l.id === d.lineId)),
    [manualDiscounts, basket.basket.lines],
  );
  const overrideDiscounts = keys.overrideDiscounts();
  const overrideKey = JSON.stringify(overrideDiscounts);
  const customer = useMemo(
    () => ({ member: member ? memberContextOf(member) : null, vouchers, manualDiscounts: [...liveDiscounts, ...overrideDiscounts] }),
    [member, vouchers, liveDiscounts, overrideKey],
  );
  const pricing = usePricedBasket(basket.basket, place, settings?.cashRounding ?? null, customer);
  const total = pricing.priced?.payableMinor ?? basketTotal(basket.basket);
  const cash = useCashPayment(total, pairing.store.currency);
  // A scan while a dialog is open is a member's card or a voucher, typed into the dialog's field, not an item.
  useBridgeScans(services.bridge, (code) => (dialog === null && asking === null && !keys.returnScreen ? void basket.scan(code) : undefined));
  const [lastSale, setLastSale] = useState<LastSale | null>(null);
  const [completing, setCompleting] = useState(false);
  const completingRef = useRef(false);
  const scanRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);

  const focusScan = () => scanRef.current?.focus();
  const focusTendered = () => tenderedRef.current?.select();

  /** Empties the basket and everything given on it: after a sale, or when the ticket is voided. */
  function resetSale(): void {
    basket.clear();
    setMember(null);
    setVouchers([]);
    setSpent(null);
    setManualDiscounts([]);
    keys.reset();
    cash.clear();
  }

  function complete(): Promise<void> {
    return basket.inOrder(completeNow);
  }

  async function completeNow(): Promise<void> {
    const current = basket.current();
    if (completingRef.current) return;
    if (current.lines.length === 0) return basket.setNotice({ tone: 'error', code: 'BASKET_EMPTY' });
    const tillPricing = pricing.pricing;
    if (!tillPricing) return basket.setNotice({ tone: 'error', code: 'NOT_READY' });
    const tendered = cash.tenderedFor(priceTillBasket(current, place, services.now().toISOString(), tillPricing).payableMinor);
    if (tendered === null) return basket.setNotice({ tone: 'error', code: 'TENDERED_INVALID' });
    completingRef.current = true;
    setCompleting(true);
    try {
      const approvals = keys.liveApprovals(new Set(tillPricing.manualDiscounts.map((d) => d.id)));
      const result = await completeCashSale(services, current, tendered, tillPricing, approvals);
      if (!result.ok) return basket.setNotice({ tone: 'error', code: result.code });
      const { sale } = result;
      const paid = sale.totalMinor + sale.roundingMinor;
      setLastSale({ receiptNo: sale.receiptNo, totalMinor: paid, tenderedMinor: sale.payments[0]?.tenderedMinor ?? paid, changeMinor: sale.changeMinor });
      resetSale();
      basket.setNotice(null);
      void receipts.printSale(sale, member);
      services.sync.syncSoon();
      focusScan();
    } finally {
      completingRef.current = false;
      setCompleting(false);
    }
  }

  function onScanKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const input = event.currentTarget;
    const lineKeys: Record<string, () => void> = {
      Enter: () => {
        const code = input.value;
        input.value = '';
        if (code.trim() === '') {
          if (basket.basket.lines.length > 0) focusTendered();
          return;
        }
        // Scanners send digits; letters or Chinese typed by hand are a search (`kl` for 可乐).
        if (/[^\d\s]/.test(code)) return openSearch(code.trim());
        void basket.scan(code);
      },
      '+': () => basket.adjustSelected(1),
      '-': () => basket.adjustSelected(-1),
      Delete: () => (event.shiftKey ? keys.voidTicket() : keys.voidLine()),
      ArrowUp: () => basket.moveSelection(-1),
      ArrowDown: () => basket.moveSelection(1),
    };
    const action = lineKeys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onTenderedKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = event.currentTarget.value.trim();
    if (!looksLikeScan(typed)) return void complete();
    // A keyboard-wedge scan landed in the cash field: no amount has that many digits and no point.
    cash.clear();
    focusScan();
    void basket.scan(typed);
  }

  useEffect(() => {
    // A closing dialog hands focus back to what opened it, often a status-bar button: the scan field takes it instead.
    const onDialogClose = () => requestAnimationFrame(() => (document.activeElement instanceof HTMLInputElement ? undefined : focusScan()));
    document.addEventListener('close', onDialogClose, true);
    return () => document.removeEventListener('close', onDialogClose, true);
  }, []);

  useEffect(() => {
    const shortcuts: Record<string, () => void> = {
      F1: () => void keys.refund(),
      F2: focusTendered,
      F3: () => setDialog('member'),
      F5: () => setDialog('voucher'),
      F6: () => setDialog('discount'),
      F4: () => {
        cash.setExact();
        focusTendered();
      },
      F7: () => (basket.basket.selectedId ? setDialog('price') : undefined),
      F8: () => void keys.reprint(),
      F9: () => void complete(),
      F10: () => void keys.noSale(),
      Escape: () => {
        cash.clear();
        focusScan();
      },
    };
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      const action = shortcuts[event.key];
      // Only an open dialog keeps the keys: right after Esc, focus can still sit in the one just closed.
      const inDialog = event.target instanceof Element && event.target.closest('dialog[open]');
      if (!action || inDialog) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return {
    ...basket,
    total,
    pricing,
    member,
    dialog,
    openDialog: setDialog,
    closeDialog: () => setDialog(null),
    chooseMember: (found: FoundMember) => {
      setMember(found);
      setDialog(null);
      void basket.priceFor(found.level.id);
    },
    clearMember: () => {
      setMember(null);
      void basket.priceFor(null);
    },
    vouchers,
    spentVoucher: spent,
    /** A code presented again is ignored (the engine would refuse it as a duplicate); one HQ says was spent is refused. */
    addVoucher: async (code: string) => {
      setSpent(null);
      const found = await spentVoucher(services, code);
      if (found) return setSpent(found);
      setVouchers((current) => (current.includes(code) ? current : [...current, code]));
    },
    removeVoucher: (code: string) => setVouchers((current) => current.filter((c) => c !== code)),
    manualDiscounts: liveDiscounts,
    addManualDiscount: (discount: ManualDiscount, approval: SaleApproval | null) => {
      setManualDiscounts((current) => [...current, discount]);
      keys.keepDiscountApproval(approval, discount.id);
      setDialog(null);
    },
    /** A new price for a line (改价), through the key gate; the dialog closes first so a manager's prompt can open. */
    setPrice: (lineId: string, unitPriceMinor: Minor) => {
      setDialog(null);
      void keys.setPrice(lineId, unitPriceMinor);
    },
    keys,
    gate,
    asking,
    permissions,
    searchText,
    openSearch,
    /** A product chosen in the search is added by its barcode, exactly as a scan of it. */
    pickSearched: (barcode: string) => {
      setDialog(null);
      void basket.scan(barcode);
    },
    removeManualDiscount: (id: string) => setManualDiscounts((current) => current.filter((d) => d.id !== id)),
    savingMinor: pricing.priced?.totalSavingMinor ?? minor(0),
    itemCount: itemCount(basket.basket),
    currency: pairing.store.currency,
    cash,
    lastSale,
    receipts,
    completing,
    complete,
    scanRef,
    tenderedRef,
    focusScan,
    onScanKeyDown,
    onTenderedKeyDown,
  };
}
