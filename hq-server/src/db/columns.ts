import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Money in minor units: bigint in PostgreSQL, a safe integer number in TypeScript. */
export const money = (name: string) => bigint(name, { mode: 'number' });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const chainId = () => uuid('chain_id').notNull();
/** Stamped by the `stamp_change_seq` trigger on every insert and update; tills pull by it. */
export const changeSeq = () => bigint('change_seq', { mode: 'number' }).notNull().default(0);
