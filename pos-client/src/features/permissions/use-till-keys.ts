import { useState } from 'react';
import { uuidv7, type Minor, type SaleApproval } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import type { Basket } from '../sales/basket';
import type { TicketAction } from '../sales/ticket';
import type { SellNotice } from '../sales/use-basket';
import { useTillEventRecorder } from '../till-events/use-till-event-recorder';
import type { KeyGate, KeyPress } from './key-gate';

interface TillKeysInput {
  gate: KeyGate;
  basket: Basket;
  setNotice: (notice: SellNotice | null) => void;
  /** Changes the open ticket, after the actions keyed before. */
  dispatch: (action: TicketAction) => void;
  /** Empties the basket and everything given on it. */
  voidSale: () => void;
  /** Why the ticket cannot be voided now (an error code), e.g. a card has paid on it; null when it can. */
  voidRefusal: string | null;
  /** The receipt number printed again, or null when there was none to print. */
  reprintLast: () => Promise<string | null>;
  /** What the basket comes to after its discounts, once priced: a voided ticket's record keeps it. */
  ticketNetMinor: () => Minor | null;
}

/**
 * The sell screen's guarded function keys (void a line, void the ticket, set a price, open the
 * drawer without a sale, reprint, refund and its return screen): each goes through the clerk's key gate; a manager's
 * approval given for a line or a price goes on the open ticket with what it approved. The keys
 * that act without a sale (void ticket, no-sale drawer, reprint) are recorded for HQ as till
 * events, with their approval, whenever they go ahead.
 */
export function useTillKeys({ gate, basket, setNotice, dispatch, voidSale, voidRefusal, reprintLast, ticketNetMinor }: TillKeysInput) {
  const { bridge, now, randomBytes } = useTillServices();
  const recordEvent = useTillEventRecorder();
  const [returnScreen, setReturnScreen] = useState<{ approval: SaleApproval | null } | null>(null);

  const refuse = (press: KeyPress) => setNotice({ tone: 'error', code: 'KEY_FORBIDDEN', params: { tillKey: press.key } });

  async function guarded(press: KeyPress, run: (approval: SaleApproval | null) => void | Promise<void>): Promise<void> {
    const outcome = await gate.request(press);
    if (outcome.ok) return run(outcome.approval);
    if (outcome.reason === 'forbidden') refuse(press);
  }

  return {
    voidLine: () => {
      if (basket.selectedId === null) return;
      void guarded({ key: 'void_line' }, (approval) => dispatch({ type: 'line_voided', approval }));
    },
    voidTicket: () => {
      if (basket.lines.length === 0) return;
      if (voidRefusal) return setNotice({ tone: 'error', code: voidRefusal });
      void guarded({ key: 'void_ticket' }, async (approval) => {
        await recordEvent(gate.clerkId, { event: 'void_ticket', approval, basket, netMinor: ticketNetMinor() });
        voidSale();
        setNotice({ tone: 'note', message: 'keys.ticketVoided' });
      });
    },
    setPrice: (lineId: string, unitPriceMinor: Minor) =>
      guarded({ key: 'price_override', lineId }, (approval) => {
        const discountId = uuidv7(now().getTime(), randomBytes(10));
        const enteredBy = approval?.approvedBy ?? gate.clerkId;
        dispatch({ type: 'price_set', override: { lineId, unitPriceMinor, discountId, enteredBy }, approval });
      }),
    noSale: () =>
      guarded({ key: 'no_sale' }, async (approval) => {
        await recordEvent(gate.clerkId, { event: 'no_sale', approval });
        const opened = await bridge.request({ type: 'drawer.open', saleId: null });
        setNotice(opened.ok ? { tone: 'note', message: 'keys.drawerOpened' } : { tone: 'error', code: 'DRAWER_NOT_OPENED', params: { reason: opened.code } });
      }),
    reprint: () =>
      guarded({ key: 'reprint' }, async (approval) => {
        const receiptNo = await reprintLast();
        if (receiptNo !== null) await recordEvent(gate.clerkId, { event: 'reprint', approval, receiptNo });
      }),
    /** Opens the return screen (退换货) once the key allows it; a manager's approval goes on the return. */
    refund: () => guarded({ key: 'refund' }, (approval) => setReturnScreen({ approval })),
    returnScreen,
    closeReturnScreen: () => setReturnScreen(null),
  };
}
