import { bigint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Money in minor units: bigint in PostgreSQL, a safe integer number in TypeScript. */
export const money = (name: string) => bigint(name, { mode: 'number' });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const chainId = () => uuid('chain_id').notNull();
/** Stamped by the `stamp_change_seq` trigger on every insert and update; tills pull by it. */
export const changeSeq = () => bigint('change_seq', { mode: 'number' }).notNull().default(0);

/**
 * A manager override (店长授权) the till recorded on a document: which key (a `TillKey` from the
 * shared permissions), for which line, who asked and who approved. Sales and returns keep them
 * in tables of their own with the document's id beside these.
 */
export const approvalColumns = () => ({
  chainId: chainId(),
  id: uuid('id').notNull(),
  storeId: uuid('store_id').notNull(),
  key: text('key').notNull(),
  lineId: uuid('line_id'),
  requestedBy: uuid('requested_by').notNull(),
  approvedBy: uuid('approved_by').notNull(),
  at: instant('at').notNull(),
});
