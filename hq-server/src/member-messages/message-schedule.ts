import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { chains } from '../org/org.tables';
import { queueBirthdayGreetings } from './daily-messages';
import type { MessageProvider } from './message-provider';
import { sendDueMessages } from './send-messages';

export interface MessageSchedule {
  /** One round now: the daily messages queued for every chain, then what is due sent. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Every `everyMs`, queues each chain's daily messages (their keys make a second run the same
 * day queue nothing) and sends what is due. A round still going when the next is due makes
 * that one skip; a failure is logged and the next round tries again.
 */
export function startMessageSchedule(db: Db, clock: Clock, provider: MessageProvider, everyMs: number, log: (line: string) => void = console.log): MessageSchedule {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      try {
        for (const chain of await db.select({ id: chains.id }).from(chains)) await queueBirthdayGreetings(db, clock, chain.id);
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
