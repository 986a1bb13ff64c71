import { useEffect, useRef, useState } from 'react';
import { uuidv7 } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { newTicket, ticketReducer, type Ticket, type TicketAction } from './ticket';
import { loadOpenTicket, saveOpenTicket } from './ticket-store';

const ignore = () => undefined;

/**
 * The clerk's open ticket: restored from the till's database when the sell screen opens, and
 * written back after every change, one write at a time and in order (changes made while a
 * write is under way go out together in the next one, so a scanner never queues a write per
 * scan). Steps that change the database themselves (completing, holding, recalling) run in
 * the same line, after every write before them.
 */
export function useOpenTicket(clerkId: string) {
  const { db, now, randomBytes } = useTillServices();
  const fresh = () => newTicket(uuidv7(now().getTime(), randomBytes(10)), clerkId);
  const [restored] = useState(() => loadOpenTicket(db, clerkId).then((found) => found ?? fresh()));
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const latest = useRef<Ticket | null>(null);
  const writes = useRef<Promise<unknown>>(restored);
  const writeQueued = useRef(false);

  useEffect(() => {
    let live = true;
    void restored.then((found) => {
      if (!live) return;
      latest.current ??= found;
      setTicket(latest.current);
    });
    return () => {
      live = false;
    };
  }, [restored]);

  const current = (): Ticket => {
    if (!latest.current) throw new Error('the open ticket is used before it is restored');
    return latest.current;
  };

  function show(next: Ticket): void {
    latest.current = next;
    setTicket(next);
  }

  /** Writes the ticket as it is when the write starts, so a burst of changes is one write. */
  function persist(): void {
    if (writeQueued.current) return;
    writeQueued.current = true;
    writes.current = writes.current
      .then(() => {
        writeQueued.current = false;
        return saveOpenTicket(db, current());
      })
      .then(() => setSaveFailed(false), () => setSaveFailed(true));
  }

  return {
    /** Null until restored. */
    ticket,
    /** Resolves once the ticket is restored: actions queued before then wait for it. */
    restored: restored.then(ignore),
    current,
    saveFailed,
    dispatch(action: TicketAction): void {
      show(ticketReducer(current(), action));
      persist();
    },
    /** Drops the ticket for a blank one (a voided ticket), written over it. */
    startFresh(): void {
      show(fresh());
      persist();
    },
    fresh,
    /**
     * Runs a step that writes the ticket's fate itself, after the writes before it; `next` is
     * the ticket that is open once it is done (null: unchanged).
     */
    settle<T>(step: (ticket: Ticket) => Promise<{ value: T; next: Ticket | null }>): Promise<T> {
      const run = writes.current.then(async () => {
        const { value, next } = await step(current());
        if (next) show(next);
        return value;
      });
      writes.current = run.then(ignore, ignore);
      return run;
    },
  };
}

export type OpenTicket = ReturnType<typeof useOpenTicket>;
