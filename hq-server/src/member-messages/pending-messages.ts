import { count, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chains } from '../org/org.tables';
import { memberMessages } from './member-messages.tables';

export interface ChainMessageQueue {
  chain: string;
  /** Waiting to be sent, now or after a failed try. */
  pending: number;
  /** Of those, due by now: a queue that only grows here means sending has stopped. */
  due: number;
}

/** Per chain (by code): the outbox of messages to members not yet sent or given up. */
export async function pendingMessagesByChain(db: Db, now: Date): Promise<ChainMessageQueue[]> {
  return db
    .select({ chain: chains.code, pending: count(), due: sql<number>`count(*) filter (where ${lte(memberMessages.nextAttemptAt, now)})`.mapWith(Number) })
    .from(memberMessages)
    .innerJoin(chains, eq(chains.id, memberMessages.chainId))
    .where(eq(memberMessages.status, 'pending'))
    .groupBy(chains.code);
}
