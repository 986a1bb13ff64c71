import { useRef, useState } from 'react';
import { CardNo, maskCardNo, uuidv7, type MemberCard, type Minor, type PairedDevice, type TopUpResult, type TopUpTender } from '@pos/shared';
import type { TopUpSlipDocument } from '@pos/shared/receipt/index';
import { useTillServices } from '../../app/services-context';
import { printReceiptInBrowser } from '../../bridge/browser-print';
import { useCardSwipes } from '../../bridge/use-bridge';
import type { KeyGate } from '../permissions/key-gate';
import { printReceipt } from '../sales/print-receipt';
import { recordCashMovement } from '../shifts/shift-records';
import { cardEnquiry, replaceLostCard, reportCardLost, topUpCard, type MoneyAnswer } from './member-money';
import type { CardHoldings } from '../sales/use-member-payments';

/** The code of the chain's cash-in reason a cash top-up goes into the drawer under. */
export const TOP_UP_CASH_REASON = 'TOPUP';

export type DeskOutcome =
  | { kind: 'holdings'; holdings: CardHoldings }
  | { kind: 'topped_up'; result: TopUpResult; drawer: 'recorded' | 'no_reason' | 'not_cash' }
  | { kind: 'lost'; card: MemberCard }
  | { kind: 'replaced'; card: MemberCard };

/**
 * The member card desk (会员卡业务) at the till: a card typed or swiped, then a balance enquiry,
 * a top-up paid by cash or bank card with its slip printed (cash goes into the drawer's
 * figures as a cash-in), a card reported lost, or a lost card replaced by the blank card handed
 * over. Losing and replacing go through the clerk's keys. A top-up asked again after no answer
 * keeps its id, so HQ tops up once.
 */
export function useMemberCardDesk(pairing: PairedDevice, gate: KeyGate, listening: boolean) {
  const services = useTillServices();
  const [cardNo, setCardNo] = useState('');
  const [newCardNo, setNewCardNo] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblemState] = useState<{ code: string; tillKey?: string } | null>(null);
  const setProblem = (code: string | null, tillKey?: string) => setProblemState(code === null ? null : { code, ...(tillKey ? { tillKey } : {}) });
  const [outcome, setOutcome] = useState<DeskOutcome | null>(null);
  const topUpId = useRef<{ key: string; id: string } | null>(null);

  useCardSwipes(services.bridge, (card) => {
    if (!listening) return;
    if (!card) return setProblem('MEMBER_CARD_MISREAD');
    setProblem(null);
    if (replacing) setNewCardNo(card.number);
    else {
      setCardNo(card.number);
      setOutcome(null);
    }
  });

  /** Runs one request at a time; a card number that cannot be one is refused before HQ is asked. */
  async function run<T>(numbers: readonly string[], call: () => Promise<MoneyAnswer<T>>, done: (value: T) => DeskOutcome | Promise<DeskOutcome>): Promise<void> {
    if (busy) return;
    if (numbers.some((n) => !CardNo.safeParse(n).success)) return setProblem('MEMBER_CODE_INVALID');
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    try {
      const answer = await call();
      if (!answer.ok) return setProblem(answer.code);
      setOutcome(await done(answer.value));
    } finally {
      setBusy(false);
    }
  }

  async function guarded(key: 'card_lost' | 'card_replace'): Promise<boolean> {
    const verdict = await gate.request({ key });
    if (!verdict.ok && verdict.reason === 'forbidden') setProblem('KEY_FORBIDDEN', key);
    return verdict.ok;
  }

  async function printSlip(result: TopUpResult): Promise<void> {
    const store = pairing.store;
    const cashier = (await services.db.getMeta('session'))?.name ?? '';
    const document: TopUpSlipDocument = {
      kind: 'top_up_slip', ...result.slip,
      store: { name: (store.nameZh === store.nameEn ? store.nameZh : `${store.nameZh} ${store.nameEn}`).slice(0, 80), address: null, phone: null },
      cashierName: cashier.slice(0, 40) || '—',
    };
    await printReceipt(services.bridge, { jobId: result.slip.id, document, openDrawer: result.slip.tender === 'cash' }, printReceiptInBrowser);
  }

  /** A cash top-up is cash in the drawer: recorded as a cash-in under the chain's top-up reason, so the shift's count agrees. */
  async function intoDrawer(result: TopUpResult): Promise<'recorded' | 'no_reason' | 'not_cash'> {
    if (result.slip.tender !== 'cash') return 'not_cash';
    const reason = (await services.db.cashReasons.toArray()).find((r) => r.active && r.code === TOP_UP_CASH_REASON && r.direction !== 'out');
    if (!reason) return 'no_reason';
    const recorded = await recordCashMovement(services, {
      direction: 'in', reasonId: reason.id, amountMinor: result.slip.amountMinor, note: `${maskCardNo(cardNo)} ${result.slip.id}`.slice(0, 200), approval: null,
    });
    return recorded.ok ? 'recorded' : 'no_reason';
  }

  return {
    cardNo,
    setCardNo: (value: string) => {
      setCardNo(value.replace(/\D/g, '').slice(0, 19));
      setOutcome(null);
      setProblem(null);
    },
    newCardNo,
    setNewCardNo: (value: string) => {
      setNewCardNo(value.replace(/\D/g, '').slice(0, 19));
      setProblem(null);
    },
    replacing,
    setReplacing,
    busy,
    problem,
    outcome,
    /** Starts afresh with a card: the ticket's member's, or none. */
    reset: (initialCardNo: string | null) => {
      setCardNo(initialCardNo ?? '');
      setNewCardNo('');
      setReplacing(false);
      setProblem(null);
      setOutcome(null);
    },
    enquire: () => run([cardNo], () => cardEnquiry(services, cardNo), (holdings) => ({ kind: 'holdings', holdings })),
    topUp: (amountMinor: Minor, tender: TopUpTender, reference: string | null) => {
      if (amountMinor <= 0) return void setProblem('AMOUNT_INVALID');
      if (tender === 'bank_card' && !reference) return void setProblem('REFERENCE_MISSING');
      const key = `${cardNo}:${amountMinor}:${tender}:${reference ?? ''}`;
      if (topUpId.current?.key !== key) topUpId.current = { key, id: uuidv7(services.now().getTime(), services.randomBytes(10)) };
      const paymentId = topUpId.current.id;
      return run([cardNo], () => topUpCard(services, { paymentId, cardNo, amountMinor, tender, reference, cashierId: gate.clerkId }), async (result) => {
        topUpId.current = null;
        const drawer = await intoDrawer(result);
        void printSlip(result);
        return { kind: 'topped_up', result, drawer };
      });
    },
    reportLost: async () => {
      if (!CardNo.safeParse(cardNo).success) return setProblem('MEMBER_CODE_INVALID');
      if (!(await guarded('card_lost'))) return;
      await run([cardNo], () => reportCardLost(services, cardNo), (card) => ({ kind: 'lost', card }));
    },
    replace: async () => {
      if (![cardNo, newCardNo].every((n) => CardNo.safeParse(n).success)) return setProblem('MEMBER_CODE_INVALID');
      if (!(await guarded('card_replace'))) return;
      await run([cardNo, newCardNo], () => replaceLostCard(services, { cardNo, newCardNo }), (card) => {
        setReplacing(false);
        setCardNo(card.cardNo);
        setNewCardNo('');
        return { kind: 'replaced', card };
      });
    },
  };
}
