import type { Minor } from '@pos/shared';
import type { TicketRow, TillDb } from '../../db/till-db';
import { heldTicketOf, holdRefusal, type HeldTicket, type HoldRefusal } from './held-tickets';
import { isBlank, type Ticket } from './ticket';

/** The keys of open tickets start so; a held ticket is kept under its ticket's id. */
const OPEN = 'open:';
/** The first key after every open ticket's (`;` follows `:`). */
const AFTER_OPEN = 'open;';

/** The key of a clerk's one open ticket. */
export const openTicketKey = (clerkId: string) => `${OPEN}${clerkId}`;

const heldOf = (row: TicketRow): HeldTicket | null => (row.held ? { ...row.held, ticket: row.ticket } : null);

export async function loadOpenTicket(db: TillDb, clerkId: string): Promise<Ticket | undefined> {
  return (await db.tickets.get(openTicketKey(clerkId)))?.ticket;
}

/** Writes the clerk's open ticket over the one before, in a strict-durability transaction like every write of the till. */
export async function saveOpenTicket(db: TillDb, ticket: Ticket): Promise<void> {
  await db.transaction('rw', db.tickets, () => db.tickets.put({ key: openTicketKey(ticket.clerkId), clerkId: ticket.clerkId, ticket, held: null }));
}

/**
 * The clerk's held tickets, by number. Read as the keys on either side of every open ticket's, a
 * live query of the held list is not run again for each write of an open ticket (every scan), as
 * it was when read around the clerk's own open key.
 */
export async function listHeldTickets(db: TillDb, clerkId: string): Promise<HeldTicket[]> {
  const rows = await db.tickets.where('key').below(OPEN).or('key').aboveOrEqual(AFTER_OPEN).toArray();
  return rows.flatMap((row) => (row.clerkId === clerkId ? (heldOf(row) ?? []) : [])).sort((a, b) => a.heldNo - b.heldNo);
}

/** A ticket the cashier is holding or swapping: the ticket and the total the held list shows. */
export interface TicketToHold {
  ticket: Ticket;
  totalMinor: Minor;
}

async function putHeld(db: TillDb, { ticket, totalMinor }: TicketToHold, at: string): Promise<HeldTicket> {
  const held = heldTicketOf(ticket, await listHeldTickets(db, ticket.clerkId), at, totalMinor);
  const { ticket: _, ...row } = held;
  await db.tickets.put({ key: ticket.id, clerkId: ticket.clerkId, ticket, held: row });
  return held;
}

export type HoldResult = { ok: true; held: HeldTicket } | { ok: false; code: HoldRefusal };

/** Holds the open ticket and opens `fresh` in its place, in one transaction: a crash leaves one or the other, never both or neither. */
export async function holdTicket(db: TillDb, toHold: TicketToHold, fresh: Ticket, at: string): Promise<HoldResult> {
  const refusal = holdRefusal(toHold.ticket);
  if (refusal) return { ok: false, code: refusal };
  return db.transaction('rw', db.tickets, async () => {
    const held = await putHeld(db, toHold, at);
    await db.tickets.put({ key: openTicketKey(fresh.clerkId), clerkId: fresh.clerkId, ticket: fresh, held: null });
    return { ok: true, held } as const;
  });
}

export type RecallResult = { ok: true; ticket: Ticket } | { ok: false; code: HoldRefusal | 'HELD_NOT_FOUND' };

/**
 * Makes a held ticket the open one (取单). An open ticket with anything on it is held in its
 * place (so the two swap); a blank one is dropped.
 */
export async function recallTicket(db: TillDb, heldKey: string, current: TicketToHold, at: string): Promise<RecallResult> {
  const swap = !isBlank(current.ticket);
  const refusal = swap ? holdRefusal(current.ticket) : null;
  if (refusal && refusal !== 'TICKET_EMPTY') return { ok: false, code: refusal };
  return db.transaction('rw', db.tickets, async () => {
    const row = await db.tickets.get(heldKey);
    if (!row?.held || row.clerkId !== current.ticket.clerkId) return { ok: false, code: 'HELD_NOT_FOUND' } as const;
    await db.tickets.delete(heldKey);
    if (swap && refusal === null) await putHeld(db, current, at);
    await db.tickets.put({ key: openTicketKey(row.clerkId), clerkId: row.clerkId, ticket: row.ticket, held: null });
    return { ok: true, ticket: row.ticket } as const;
  });
}

/** Inside the sale's transaction: the ticket that became the sale is no longer open. */
export async function closeOpenTicket(db: TillDb, ticket: Ticket): Promise<void> {
  const key = openTicketKey(ticket.clerkId);
  const open = await db.tickets.get(key);
  if (open?.ticket.id === ticket.id) await db.tickets.delete(key);
}
