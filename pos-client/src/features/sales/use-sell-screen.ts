import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { minor, type FoundMember, type PairedDevice } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useBridgeScans } from '../../bridge/use-bridge';
import { useLiveQuery } from '../../db/use-live-query';
import { memberContextOf } from '../members/member-context';
import { basketTotal, itemCount } from './basket';
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

/** Everything the sell screen does: scanning (typed, wedge or from the bridge), quantity keys, cash, completing the sale and its receipt. */
export function useSellScreen(pairing: PairedDevice) {
  const services = useTillServices();
  const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
  const basket = useBasket(place);
  const settings = useLiveQuery(() => loadPricingSettings(services.db), [services.db]);
  const [member, setMember] = useState<FoundMember | null>(null);
  const [memberDialogOpen, setMemberDialogOpen] = useState(false);
  const memberContext = useMemo(() => (member ? memberContextOf(member) : null), [member]);
  const pricing = usePricedBasket(basket.basket, place, settings?.cashRounding ?? null, memberContext);
  const total = pricing.priced?.payableMinor ?? basketTotal(basket.basket);
  const cash = useCashPayment(total, pairing.store.currency);
  const receipts = useReceiptPrinting(pairing);
  // A scan while the member dialog is open is the member's card, typed into the dialog's field, not an item.
  useBridgeScans(services.bridge, (code) => (memberDialogOpen ? undefined : void basket.scan(code)));
  const [lastSale, setLastSale] = useState<LastSale | null>(null);
  const [completing, setCompleting] = useState(false);
  const completingRef = useRef(false);
  const scanRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);

  const focusScan = () => scanRef.current?.focus();
  const focusTendered = () => tenderedRef.current?.select();

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
      const result = await completeCashSale(services, current, tendered, tillPricing);
      if (!result.ok) return basket.setNotice({ tone: 'error', code: result.code });
      const { sale } = result;
      const paid = sale.totalMinor + sale.roundingMinor;
      setLastSale({ receiptNo: sale.receiptNo, totalMinor: paid, tenderedMinor: sale.payments[0]?.tenderedMinor ?? paid, changeMinor: sale.changeMinor });
      basket.clear();
      setMember(null);
      basket.setNotice(null);
      cash.clear();
      void receipts.printSale(sale);
      services.sync.syncSoon();
      focusScan();
    } finally {
      completingRef.current = false;
      setCompleting(false);
    }
  }

  function onScanKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const input = event.currentTarget;
    const keys: Record<string, () => void> = {
      Enter: () => {
        const code = input.value;
        input.value = '';
        if (code.trim() === '') {
          if (basket.basket.lines.length > 0) focusTendered();
          return;
        }
        void basket.scan(code);
      },
      '+': () => basket.adjustSelected(1),
      '-': () => basket.adjustSelected(-1),
      Delete: () => basket.removeSelected(),
      ArrowUp: () => basket.moveSelection(-1),
      ArrowDown: () => basket.moveSelection(1),
    };
    const action = keys[event.key];
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
      F2: focusTendered,
      F3: () => setMemberDialogOpen(true),
      F4: () => {
        cash.setExact();
        focusTendered();
      },
      F8: () => void receipts.reprintLast(),
      F9: () => void complete(),
      Escape: () => {
        cash.clear();
        focusScan();
      },
    };
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      const action = shortcuts[event.key];
      const inDialog = event.target instanceof Element && event.target.closest('dialog');
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
    memberDialog: {
      open: memberDialogOpen,
      choose: (found: FoundMember) => {
        setMember(found);
        setMemberDialogOpen(false);
        void basket.priceFor(found.level.id);
      },
      close: () => setMemberDialogOpen(false),
      show: () => setMemberDialogOpen(true),
    },
    clearMember: () => {
      setMember(null);
      void basket.priceFor(null);
    },
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
