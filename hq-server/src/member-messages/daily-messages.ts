import { businessDate } from '@pos/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { chains } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';
import { loadMemberMessageSettings } from './message-settings.service';
import { queueMemberMessage } from './queue-message';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The birthdays (`MM-DD`) greeted on a day: its own, and 29 February on the 28th of a year without one. */
export function birthdaysGreetedOn(isoDate: string): string[] {
  const monthDay = isoDate.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(isoDate.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay];
}

/**
 * Queues a birthday greeting (生日祝福) for each active, consenting member whose birthday is
 * today in the chain's time zone. Keyed by year and member, so running it again the same day,
 * or on another HQ process, queues nothing more. Answers how many were queued.
 */
export async function queueBirthdayGreetings(db: Db, clock: Clock, chainId: string): Promise<number> {
  const settings = await loadMemberMessageSettings(db, chainId);
  if (!settings.enabledKinds.includes('birthday')) return 0;
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  if (!chain) return 0;
  const today = businessDate(clock(), chain.timeZone);
  const days = birthdaysGreetedOn(today);
  const celebrating = await db.select({ id: members.id, name: members.name }).from(members).where(and(
    eq(members.chainId, chainId), eq(members.active, true), eq(members.consentToMessages, true), isNotNull(members.phone),
    sql`right(${members.birthday}, 5) in ${days}`,
  ));
  let queued = 0;
  for (const member of celebrating) {
    if (await queueMemberMessage(db, clock, chainId, member.id, { kind: 'birthday', name: member.name }, `birthday:${today.slice(0, 4)}:${member.id}`)) queued++;
  }
  return queued;
}
