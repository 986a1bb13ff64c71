import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PairedDevice } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { basketTotal, itemCount } from './basket';
import { completeCashSale } from './complete-sale';
import { useBasket } from './use-basket';
import { useCashPayment } from './use-cash-payment';

export interface LastSale {
  receiptNo: string;
  totalMinor: number;
  tenderedMinor: number;
  changeMinor: number;
}

/** Everything the sell screen does: scanning, quantity keys, cash and completing the sale. */
export function useSellScreen(pairing: PairedDevice) {
  const services = useTillServices();
  const basket = useBasket(pairing.store.id);
  const total = basketTotal(basket.basket);
  const cash = useCashPayment(total, pairing.store.currency);
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
    const tendered = cash.tenderedFor(basketTotal(current));
    if (tendered === null) return basket.setNotice({ tone: 'error', code: 'TENDERED_INVALID' });
    completingRef.current = true;
    setCompleting(true);
    try {
      const result = await completeCashSale(services, current, tendered);
      if (!result.ok) return basket.setNotice({ tone: 'error', code: result.code });
      const { sale } = result;
      setLastSale({ receiptNo: sale.receiptNo, totalMinor: sale.totalMinor, tenderedMinor: sale.payments[0]?.tenderedMinor ?? sale.totalMinor, changeMinor: sale.changeMinor });
      basket.clear();
      basket.setNotice(null);
      cash.clear();
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
    void complete();
  }

  useEffect(() => {
    const shortcuts: Record<string, () => void> = {
      F2: focusTendered,
      F4: () => {
        cash.setExact();
        focusTendered();
      },
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
    itemCount: itemCount(basket.basket),
    currency: pairing.store.currency,
    cash,
    lastSale,
    completing,
    complete,
    scanRef,
    tenderedRef,
    focusScan,
    onScanKeyDown,
    onTenderedKeyDown,
  };
}
