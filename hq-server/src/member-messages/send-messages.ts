import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import type { MessageProvider, SendOutcome } from './message-provider';
import { memberMessages } from './member-messages.tables';

/** A message is tried this many times before it is marked failed. */
export const MAX_SEND_ATTEMPTS = 6;

/** The wait before the next try after `attempts` failed ones: 1, 5, 30 minutes, then 2 and 6 hours. */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 30, 120, 360];
  return minutes[Math.min(attempts, minutes.length) - 1]! * 60_000;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the messages that are due, a batch at a time, oldest first. Each batch is claimed with
 * `FOR UPDATE SKIP LOCKED` in one transaction, so several HQ processes share the work and never
 * send one message twice; a provider that throws counts as a failed try.
 */
export async function sendDueMessages(db: Db, clock: Clock, provider: MessageProvider, batchSize = 50): Promise<SendReport> {
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const now = clock();
      const due = await tx.select({ chainId: memberMessages.chainId, id: memberMessages.id, phone: memberMessages.phone, text: memberMessages.text, attempts: memberMessages.attempts })
        .from(memberMessages)
        .where(and(eq(memberMessages.status, 'pending'), lte(memberMessages.nextAttemptAt, now)))
        .orderBy(asc(memberMessages.nextAttemptAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const message of due) {
        const outcome: SendOutcome = await provider.send({ to: message.phone, text: message.text })
          .catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error), retry: true }));
        const attempts = message.attempts + 1;
        const key = and(eq(memberMessages.chainId, message.chainId), eq(memberMessages.id, message.id));
        if (outcome.ok) {
          await tx.update(memberMessages).set({ status: 'sent', attempts, sentAt: clock(), providerRef: outcome.ref, lastError: null }).where(key);
          report.sent++;
        } else if (outcome.retry && attempts < MAX_SEND_ATTEMPTS) {
          await tx.update(memberMessages).set({ attempts, lastError: outcome.error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }).where(key);
          report.retrying++;
        } else {
          await tx.update(memberMessages).set({ status: 'failed', attempts, lastError: outcome.error.slice(0, 500) }).where(key);
          report.failed++;
        }
      }
      return due.length;
    });
    if (claimed < batchSize) return report;
  }
}

