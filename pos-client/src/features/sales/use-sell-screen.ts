import { useEffect, useRef, useState } from 'react';
import { minor, takeCash, type Minor, type PairedDevice } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useBridgeScans } from '../../bridge/use-bridge';
import type { ClerkSignIn } from '../../db/till-db';
import { useLiveQuery } from '../../db/use-live-query';
import { useHoldUpdate, useReportSellActivity } from '../../sw/till-activity';
import { useKeyGate } from '../permissions/use-key-gate';
import { useTillKeys } from '../permissions/use-till-keys';
import { basketTotal, itemCount, lineClerks } from './basket';
import { loadPricingSettings } from './pricing-settings';
import { isMemberCardPayment, type Ticket } from './ticket';
import { useBasket } from './use-basket';
import { useHeldTickets } from './use-held-tickets';
import { useMemberPayments } from './use-member-payments';
import type { OpenTicket } from './use-open-ticket';
import { usePricedBasket } from './use-priced-basket';
import { useReceiptPrinting } from './use-receipt-printing';
import { useSalesClerk } from './use-sales-clerk';
import { useSaleCompletion } from './use-sale-completion';
import { useSellKeys } from './use-sell-keys';
import { useTender } from './use-tender';
import { useTicketCustomer } from './use-ticket-customer';

export type { LastSale } from './use-sale-completion';
export type SellDialog = 'member' | 'voucher' | 'discount' | 'price' | 'search' | 'clerk' | 'member_card';

/**
 * The sell screen: the open ticket (restored and persisted by `useOpenTicket`), scanning into
 * it, the customer and what was given, the payments, hold and recall, completion, and the keys.
 */
export function useSellScreen(pairing: PairedDevice, session: ClerkSignIn, open: OpenTicket, ticket: Ticket) {
  const services = useTillServices();
  const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
  const basket = useBasket(open, place);
  const settings = useLiveQuery(() => loadPricingSettings(services.db), [services.db]);
  const customer = useTicketCustomer(open, ticket, basket);
  const [dialog, setDialog] = useState<SellDialog | null>(null);
  const clerks = useSalesClerk(pairing.store.id, open, basket, dialog === 'clerk' || ticket.basket.lines.some((l) => lineClerks(l).length > 0));
  const [searchText, setSearchText] = useState('');
  const { gate, asking, permissions } = useKeyGate(pairing.store.id, session);
  const receipts = useReceiptPrinting(pairing);
  const pricing = usePricedBasket(ticket.basket, place, settings?.cashRounding ?? null, customer.customer);
  const totalMinor = pricing.priced?.totalMinor ?? basketTotal(ticket.basket);
  const tender = useTender(open, ticket, totalMinor, settings?.cashRounding ?? null, pairing.store.currency);
  const memberPay = useMemberPayments(open, ticket, tender.settlement, session.clerkId);
  const held = useHeldTickets(open, session.clerkId, tender.settlement.cashDueMinor, basket);
  const scanRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);
  // A sale that finishes while a dialog is open (the held list, opened right after F9) leaves the focus in the dialog.
  const focusScan = () => (document.querySelector('dialog[open]') ? undefined : scanRef.current?.focus());
  const focusTendered = () => tenderedRef.current?.select();
  const completion = useSaleCompletion(open, basket, pricing.pricing, customer.member, receipts, () => {
    tender.cash.clear();
    focusScan();
  });
  const inOrder = (action: Parameters<OpenTicket['dispatch']>[0]) => void basket.inOrder(() => open.dispatch(action));
  const keys = useTillKeys({
    gate, basket: ticket.basket, setNotice: basket.setNotice, dispatch: inOrder, reprintLast: receipts.reprintLast,
    voidSale: () => open.startFresh(), voidRefusal: tender.cardPaid ? 'VOID_CARD_PAID' : memberPay.cardPaid ? 'VOID_MEMBER_PAID' : null,
    ticketNetMinor: () => pricing.priced?.totalMinor ?? null,
  });
  // A scan while a dialog is open is a member's card or a voucher, typed into the dialog's field, not an item.
  const idle = dialog === null && memberPay.dialog === null && asking === null && !tender.cardOpen && !held.listOpen && !keys.returnScreen;
  useBridgeScans(services.bridge, (code) => (idle ? void basket.scan(code) : undefined));
  // A new version of the till installs only when none of this is in progress.
  useReportSellActivity(
    { lines: ticket.basket.lines.length, payments: ticket.payments.length, cardPending: tender.cardOpen, completing: completion.completing, printing: receipts.last?.outcome === null },
    services.now,
  );
  useHoldUpdate(keys.returnScreen !== null);

  /** Cash typed and Enter: settles with change, or is taken in part; never an empty field. */
  function payCash(amount: Minor | null): void {
    if (amount === null) {
      basket.setNotice(tender.cash.invalid ? { tone: 'error', code: 'TENDERED_INVALID' } : { tone: 'note', message: 'tender.typeAmount' });
      return focusTendered();
    }
    const taken = takeCash(tender.settlement, amount);
    if (!taken.ok) return basket.setNotice({ tone: 'error', code: taken.code });
    if (taken.settles) return void completion.complete(amount);
    tender.takePartCash(minor(amount));
    basket.setNotice({ tone: 'note', message: 'tender.partTaken' });
  }

  /** The complete key (F9 unless the chain chose another) or the button: a deliberate key, so an empty cash field means the exact cash due. */
  function completeNow(): void {
    if (tender.settlement.settled) return void completion.complete(null);
    payCash(tender.cash.typedMinor ?? tender.settlement.cashDueMinor);
  }

  function chooseTender(tenderKind: string): void {
    if (ticket.basket.lines.length === 0) return basket.setNotice({ tone: 'error', code: 'BASKET_EMPTY' });
    if (tenderKind === 'bank_card') return tender.openCard();
    if (tenderKind === 'stored_value' || tenderKind === 'points') return memberPay.open(tenderKind);
    focusTendered();
  }

  /** A payment from the member's card settles the sale when it paid what was left. */
  const afterCardPayment = (taken: Awaited<ReturnType<typeof memberPay.payStoredValue>>) => {
    if (taken.ok && taken.settles) void completion.complete(null);
    return taken;
  };

  function openSearch(text: string): void {
    setSearchText(text);
    setDialog('search');
  }

  const keyboard = useSellKeys({
    scan: (code) => void basket.scan(code),
    search: openSearch,
    toPayment: () => {
      if (ticket.basket.lines.length === 0) return;
      basket.setNotice({ tone: 'note', message: 'tender.typeAmount' });
      focusTendered();
    },
    adjustSelected: basket.adjustSelected,
    moveSelection: basket.moveSelection,
    voidLine: keys.voidLine,
    voidTicket: keys.voidTicket,
    payTyped: () => payCash(tender.cash.typedMinor),
    scanFromCash: (code) => {
      tender.cash.clear();
      focusScan();
      void basket.scan(code);
    },
    back: () => {
      tender.cash.clear();
      focusScan();
    },
    shortcuts: {
      refund: () => void keys.refund(),
      cash: () => chooseTender('cash'),
      member: () => setDialog('member'),
      exact: () => {
        tender.cash.setExact();
        focusTendered();
      },
      voucher: () => setDialog('voucher'),
      discount: () => setDialog('discount'),
      price_override: () => (ticket.basket.selectedId ? setDialog('price') : undefined),
      reprint: () => void keys.reprint(),
      complete: completeNow,
      no_sale: () => void keys.noSale(),
      card: () => chooseTender('bank_card'),
      hold: () => void held.hold(),
      recall: held.openList,
      search: () => openSearch(''),
      sales_clerk: () => setDialog('clerk'),
      stored_value: () => chooseTender('stored_value'),
      points: () => chooseTender('points'),
      member_card: () => setDialog('member_card'),
    },
  });

  useEffect(() => {
    // A closing dialog hands focus back to what opened it, often a status-bar button: the scan field takes it instead.
    const onDialogClose = () => requestAnimationFrame(() => (document.activeElement instanceof HTMLInputElement ? undefined : focusScan()));
    document.addEventListener('close', onDialogClose, true);
    return () => document.removeEventListener('close', onDialogClose, true);
  }, []);

  return {
    basket: ticket.basket,
    notice: open.saveFailed ? { tone: 'error', code: 'TICKET_NOT_SAVED' } as const : basket.notice,
    select: basket.select,
    adjustSelected: basket.adjustSelected,
    pricing,
    ...customer,
    /** The member stays while their card has paid on the ticket: take those payments off first. */
    clearMember: () => (memberPay.cardPaid ? basket.setNotice({ tone: 'error', code: 'MEMBER_CARD_PAID' }) : customer.clearMember()),
    chooseMember: (found: Parameters<typeof customer.chooseMember>[0]) => {
      customer.chooseMember(found);
      setDialog(null);
    },
    addManualDiscount: (...args: Parameters<typeof customer.addManualDiscount>) => {
      customer.addManualDiscount(...args);
      setDialog(null);
    },
    dialog,
    openDialog: setDialog,
    /**
     * A dialog closed itself (Esc, its form): it goes, unless another opened meanwhile, for the
     * browser tells of a close in a task after a key pressed right after it (Esc then F6).
     */
    closeDialog: (which: SellDialog) => setDialog((shown) => (shown === which ? null : shown)),
    /** A new price for a line (改价), through the key gate; the dialog closes first so a manager's prompt can open. */
    setPrice: (lineId: string, unitPriceMinor: Minor) => {
      setDialog(null);
      void keys.setPrice(lineId, unitPriceMinor);
    },
    keys,
    clerks,
    /** The dialog closes first, so the notice of what changed shows on the sell screen. */
    setDefaultClerk: (clerkId: string | null) => {
      setDialog(null);
      void clerks.setDefault(clerkId);
    },
    setLineClerks: (lineId: string, shares: Parameters<typeof clerks.setLine>[1]) => {
      setDialog(null);
      clerks.setLine(lineId, shares);
    },
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
    savingMinor: pricing.priced?.totalSavingMinor ?? minor(0),
    itemCount: itemCount(ticket.basket),
    currency: pairing.store.currency,
    tender,
    chooseTender,
    memberPay,
    payStoredValue: async (...args: Parameters<typeof memberPay.payStoredValue>) => afterCardPayment(await memberPay.payStoredValue(...args)),
    payPoints: async (...args: Parameters<typeof memberPay.payPoints>) => afterCardPayment(await memberPay.payPoints(...args)),
    /** A payment from the member's card is given back at HQ before it comes off; others as the tender decides. */
    removePayment: (payment: Parameters<typeof tender.askRemove>[0]) => {
      if (!isMemberCardPayment(payment)) return tender.askRemove(payment);
      void memberPay.remove(payment).then((removed) => (removed.ok ? undefined : basket.setNotice({ tone: 'error', code: removed.code })));
    },
    /** A card approved on the terminal; completes the sale when it paid what was left. */
    approveCard: (amountMinor: Minor, reference: string) => {
      const taken = tender.approveCard(amountMinor, reference);
      if (taken.ok && taken.settles) void completion.complete(null);
      return taken;
    },
    held,
    lastSale: completion.lastSale,
    /** The sale just completed, until the next scan: the big panel shows its change. */
    changeDue: ticket.basket.lines.length === 0 ? completion.lastSale : null,
    receipts,
    completing: completion.completing,
    complete: completeNow,
    scanRef,
    tenderedRef,
    focusScan,
    ...keyboard,
  };
}
