import { useState } from 'react';
import type { Minor } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';
import type { useBasket } from './use-basket';
import type { OpenTicket } from './use-open-ticket';
import { holdTicket, listHeldTickets, recallTicket } from './ticket-store';

/** Hold (挂单) the open ticket to serve the next customer, and recall (取单) a held one, each in one transaction with the open ticket. */
export function useHeldTickets(open: OpenTicket, clerkId: string, totalMinor: Minor, basket: ReturnType<typeof useBasket>) {
  const { db, now } = useTillServices();
  const held = useLiveQuery(() => listHeldTickets(db, clerkId), [db, clerkId]) ?? [];
  const [listOpen, setListOpen] = useState(false);

  const hold = () =>
    basket.inOrder(async () => {
      const result = await open.settle(async (ticket) => {
        const fresh = open.fresh();
        const done = await holdTicket(db, { ticket, totalMinor }, fresh, now().toISOString());
        return { value: done, next: done.ok ? fresh : null };
      });
      basket.setNotice(result.ok ? { tone: 'note', message: 'held.done', params: { no: result.held.heldNo } } : { tone: 'error', code: result.code });
    });

  const recall = (key: string) =>
    basket.inOrder(async () => {
      setListOpen(false);
      const result = await open.settle(async (ticket) => {
        const done = await recallTicket(db, key, { ticket, totalMinor }, now().toISOString());
        return { value: done, next: done.ok ? done.ticket : null };
      });
      basket.setNotice(result.ok ? { tone: 'note', message: 'held.recalled' } : { tone: 'error', code: result.code });
    });

  return { held, listOpen, openList: () => setListOpen(true), closeList: () => setListOpen(false), hold, recall };
}
