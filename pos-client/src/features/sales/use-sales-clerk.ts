import type { LineClerkShare } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';
import { sharesText } from './clerk-choice';
import { storeClerks, type ClerkChoice } from './sales-clerks';
import type { useBasket } from './use-basket';
import type { OpenTicket } from './use-open-ticket';

const none: ClerkChoice[] = [];

/**
 * The sales clerks (营业员) of the sell screen: the till's clerk new lines are credited to (kept in
 * the till's meta, set by a badge scanned or in the dialog), the clerks who may be chosen, and the
 * crediting of a line already rung up. The clerks are read only while `listed` (the dialog is open
 * or a line names a clerk), so a till that sells without clerks does no more than before.
 */
export function useSalesClerk(storeId: string, open: OpenTicket, basket: ReturnType<typeof useBasket>, listed: boolean) {
  const { db } = useTillServices();
  const clerks = useLiveQuery(() => (listed ? storeClerks(db, storeId) : Promise.resolve(none)), [db, storeId, listed]) ?? none;
  const codes = new Map(clerks.map((c) => [c.id, c.code]));
  const codeOf = (clerkId: string) => codes.get(clerkId);

  return {
    clerks,
    defaultClerk: basket.defaultClerk,
    /** A line's or the till's clerks as the screen shows them, by code. */
    describe: (shares: readonly LineClerkShare[]) => sharesText(shares, codeOf),
    setDefault: async (clerkId: string | null) => {
      const clerk = clerks.find((c) => c.id === clerkId);
      await basket.chooseClerk(clerk ?? null);
      basket.setNotice(clerk ? { tone: 'note', message: 'clerk.defaultSet', params: { code: clerk.code, name: clerk.name } } : { tone: 'note', message: 'clerk.defaultCleared' });
    },
    setLine: (lineId: string, shares: readonly LineClerkShare[]) =>
      void basket.inOrder(() => {
        open.dispatch({ type: 'line_clerks_set', lineId, shares });
        basket.setNotice(shares.length ? { tone: 'note', message: 'clerk.lineSet', params: { clerks: sharesText(shares, codeOf) } } : { tone: 'note', message: 'clerk.lineCleared' });
      }),
  };
}
