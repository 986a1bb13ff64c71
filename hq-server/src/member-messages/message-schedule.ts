import type { Db } from '../db/client';
import { alwaysRun, type JobGate } from '../db/job-lock';
import type { Clock } from '../ids';
import { chains } from '../org/org.tables';
import { queueDailyMessages } from './daily-messages';
import type { MessageProvider } from './message-provider';
import { sendDueMessages } from './send-messages';

/** How often a process looks for the day's messages (greetings, points about to lapse, care reminders): their queries read every member. */
export const DAILY_MESSAGES_EVERY_MS = 3_600_000;

export interface MessageSchedule {
  /** One round now: the daily messages queued for every chain when an hour has passed since they last were, then what is due sent. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Every `everyMs`, sends what is due, and once an hour first queues each chain's daily messages
 * (their keys make a second run the same day, or another HQ process's, queue nothing more); of
 * several HQ processes, only the one `mayRun` lets. A round still going when the next is due makes
 * that one skip; a failure is logged and the next round tries again.
 */
export function startMessageSchedule(
  db: Db, clock: Clock, provider: MessageProvider, everyMs: number, log: (line: string) => void = console.log, mayRun: JobGate = alwaysRun,
): MessageSchedule {
  let running: Promise<void> | null = null;
  let dailyQueuedAt = Number.NEGATIVE_INFINITY;
  const queueDaily = async () => {
    const now = clock().getTime();
    if (now - dailyQueuedAt < DAILY_MESSAGES_EVERY_MS) return;
    let queued = 0;
    for (const chain of await db.select({ id: chains.id }).from(chains)) {
      const counts = await queueDailyMessages(db, clock, chain.id);
      queued += counts.birthday + counts.pointsExpiring + counts.careReminder;
    }
    dailyQueuedAt = now;
    if (queued > 0) log(`[hq] member messages: ${queued} greetings and reminders queued`);
  };
  const runOnce = () => {
    running ??= (async () => {
      try {
        if (!(await mayRun('member-messages'))) return;
        await queueDaily();
        const report = await sendDueMessages(db, clock, provider);
        if (report.sent + report.retrying + report.failed > 0) log(`[hq] member messages: ${report.sent} sent, ${report.retrying} to try again, ${report.failed} failed`);
      } catch (error) {
        log(`[hq] member messages FAILED (will try again): ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
