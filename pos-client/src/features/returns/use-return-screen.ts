import { useEffect, useMemo, useRef, useState } from 'react';
import { defaultPricingSettings, parseMinor, uuidv7, unitsLeft, type PairedDevice, type Return, type ReturnReason, type SaleApproval } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useBridgeScans } from '../../bridge/use-bridge';
import { useLiveQuery } from '../../db/use-live-query';
import type { KeyGate, KeyPress } from '../permissions/key-gate';
import { addItem, changeQuantity, emptyBasket, removeLine, type Basket } from '../sales/basket';
import { findScannedItem } from '../sales/find-scanned-item';
import { loadPricingSettings } from '../sales/pricing-settings';
import { completeReturn } from './complete-return';
import { findOriginalSale, type OriginalSale, type ReceiptLookupFailure } from './find-original-sale';
import { usePrintReturnSlip } from './use-print-return-slip';
import { netRefundOf, planTillReturn, type TillReturnPlan } from './till-return-plan';

export type ReturnNotice = { code: string; params?: Record<string, string | number> } | null;

/**
 * The return screen's work (退换货): find the sale by its receipt (this till's journal, else HQ),
 * or go on without a receipt when the key allows; pick lines and quantities up to what is left;
 * scan goods going out for an exchange; show the refund per tender as the shared maths plans it;
 * and on confirm ask the key gate for what the return needs (no receipt, a refund above the
 * chain's amount), write it with its outbox entry and print the slip.
 */
export function useReturnScreen({ pairing, gate, openedWith, onDone }: { pairing: PairedDevice; gate: KeyGate; openedWith: SaleApproval | null; onDone: () => void }) {
  const services = useTillServices();
  const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
  const settings = useLiveQuery(() => loadPricingSettings(services.db), [services.db]) ?? defaultPricingSettings;
  const [receiptText, setReceiptText] = useState('');
  const [busy, setBusy] = useState(false);
  const [lookupFailure, setLookupFailure] = useState<ReceiptLookupFailure | null>(null);
  const [original, setOriginal] = useState<OriginalSale | null>(null);
  const [withoutReceipt, setWithoutReceipt] = useState(false);
  const [picks, setPicks] = useState<ReadonlyMap<string, number>>(new Map());
  const [unreceipted, setUnreceipted] = useState<Basket>(emptyBasket);
  const [exchange, setExchange] = useState<Basket>(emptyBasket);
  const [scanInto, setScanInto] = useState<'back' | 'out'>('out');
  const [reason, setReason] = useState<ReturnReason>('changed_mind');
  const [tendered, setTendered] = useState('');
  const [plan, setPlan] = useState<TillReturnPlan | null>(null);
  const [notice, setNotice] = useState<ReturnNotice>(null);
  const [done, setDone] = useState<Return | null>(null);
  const approvals = useRef<SaleApproval[]>(openedWith ? [openedWith] : []);
  const slip = usePrintReturnSlip(pairing);

  const left = useMemo(() => (original ? unitsLeft(original.sale.lines, original.history) : new Map<string, number>()), [original]);
  const draft = useMemo(
    () => ({ original, picks: [...picks].filter(([, n]) => n > 0).map(([saleLineId, quantity]) => ({ saleLineId, quantity })), unreceipted, exchange }),
    [original, picks, unreceipted, exchange],
  );

  useEffect(() => {
    let live = true;
    if (!original && !withoutReceipt) return setPlan(null);
    void planTillReturn(services.db, draft, settings, place, services.now().toISOString()).then((result) => live && setPlan(result.ok ? result.plan : null));
    return () => void (live = false);
  }, [draft, settings, withoutReceipt]);

  async function lookUp(text = receiptText): Promise<void> {
    if (busy || text.trim() === '') return;
    setBusy(true);
    setLookupFailure(null);
    const found = await findOriginalSale({ ...services, connection: () => services.sync.getStatus().connection }, text);
    setBusy(false);
    if (!found.ok) return setLookupFailure(found.code);
    setOriginal(found.original);
    setPicks(new Map());
    setReceiptText(found.original.sale.receiptNo);
  }

  async function scan(code: string): Promise<void> {
    const at = services.now();
    const found = await findScannedItem(services.db, code, place, at);
    if (!found.ok) return setNotice({ code: found.code, params: { code: code.trim() } });
    setNotice(null);
    const lineId = uuidv7(at.getTime(), services.randomBytes(10));
    const into = withoutReceipt && scanInto === 'back' ? setUnreceipted : setExchange;
    into((current) => addItem(current, found.item, lineId, at.toISOString()));
  }

  // The scanner reads the receipt's barcode while no sale is found, then goods for the exchange or the return without receipt.
  useBridgeScans(services.bridge, (code) => void (original || withoutReceipt ? scan(code) : lookUp(code)));

  async function gateFor(press: KeyPress, manager: boolean): Promise<boolean> {
    const outcome = manager ? await gate.requestManager(press) : await gate.request(press);
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') setNotice({ code: 'KEY_FORBIDDEN', params: { tillKey: press.key } });
      return false;
    }
    if (outcome.approval) approvals.current = [...approvals.current, outcome.approval];
    return true;
  }

  async function startWithoutReceipt(): Promise<void> {
    if (!(await gateFor({ key: 'return_without_receipt' }, false))) return;
    setWithoutReceipt(true);
    setScanInto('back');
    setLookupFailure(null);
  }

  async function confirm(): Promise<void> {
    if (busy || !plan) return;
    const limit = settings.returns.managerPinAboveMinor;
    const managerGiven = approvals.current.some((a) => a.key === 'refund');
    if (limit !== null && netRefundOf(plan) > limit && !managerGiven && !(await gateFor({ key: 'refund' }, true))) return;
    const typed = tendered.trim() === '' ? null : parseMinor(tendered);
    if (tendered.trim() !== '' && typed === null) return setNotice({ code: 'TENDERED_INVALID' });
    setBusy(true);
    const result = await completeReturn(services, draft, settings, { reason, tenderedMinor: typed, approvals: approvals.current });
    setBusy(false);
    if (!result.ok) return setNotice({ code: result.code });
    setDone(result.doc);
    services.sync.syncSoon();
    void slip.print(result.doc);
  }

  return {
    settings, receiptText, setReceiptText, busy, lookupFailure, lookUp, original, withoutReceipt, startWithoutReceipt, left,
    picks, setPick: (saleLineId: string, quantity: number) => setPicks((current) => new Map(current).set(saleLineId, Math.max(0, Math.min(quantity, left.get(saleLineId) ?? 0)))),
    unreceipted, exchange, scanInto, setScanInto, scan,
    changeOut: (lineId: string, delta: number) => setExchange((b) => changeQuantity(b, lineId, delta)),
    removeOut: (lineId: string) => setExchange((b) => removeLine(b, lineId)),
    removeBack: (lineId: string) => setUnreceipted((b) => removeLine(b, lineId)),
    reason, setReason, tendered, setTendered, plan, notice, confirm, done, slip: slip.last,
    finish: onDone,
  };
}
