import { addDays, addMonths, businessDate, expiryNoticeWindow, pointsExpireOn, wholeMonthsSince, type AutomaticMessageKind, type MemberMessageSettings } from '@pos/shared';
import { and, eq, gt, gte, isNotNull, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import { chains } from '../org/org.tables';
import { memberAccounts } from '../members/membership.tables';
import { loadPointsSettings } from '../points/points-settings.service';
import { pointsLots } from '../points/points.tables';
import { members } from '../pricing/pricing.tables';
import { sales } from '../sales/sales.tables';
import { loadMemberMessageSettings } from './message-settings.service';
import { queueMemberMessage } from './queue-message';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The birthdays (`MM-DD`) greeted on a day: its own, and 29 February on the 28th of a year without one. */
export function birthdaysGreetedOn(isoDate: string): string[] {
  const monthDay = isoDate.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(isoDate.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay];
}

/** The chain's message settings, time zone and today in it, when the chain sends `kind`; null otherwise. */
async function sendingToday(db: Db, clock: Clock, chainId: string, kind: AutomaticMessageKind): Promise<{ settings: MemberMessageSettings; timeZone: string; today: string } | null> {
  const settings = await loadMemberMessageSettings(db, chainId);
  if (!settings.enabledKinds.includes(kind)) return null;
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  return chain ? { settings, timeZone: chain.timeZone, today: businessDate(clock(), chain.timeZone) } : null;
}

/** Active, consenting members with a phone: the ones a daily message may go to. */
const reachable = (chainId: string) => and(eq(members.chainId, chainId), eq(members.active, true), eq(members.consentToMessages, true), isNotNull(members.phone));

/**
 * Queues a birthday greeting (生日祝福) for each active, consenting member whose birthday is
 * today in the chain's time zone. Keyed by year and member, so running it again the same day,
 * or on another HQ process, queues nothing more. Answers how many were queued.
 */
export async function queueBirthdayGreetings(db: Db, clock: Clock, chainId: string): Promise<number> {
  const chain = await sendingToday(db, clock, chainId, 'birthday');
  if (!chain) return 0;
  const { today } = chain;
  const days = birthdaysGreetedOn(today);
  const celebrating = await db.select({ id: members.id, name: members.name }).from(members)
    .where(and(reachable(chainId), sql`right(${members.birthday}, 5) in ${days}`));
  let queued = 0;
  for (const member of celebrating) {
    if (await queueMemberMessage(db, clock, chainId, member.id, { kind: 'birthday', name: member.name }, `birthday:${today.slice(0, 4)}:${member.id}`)) queued++;
  }
  return queued;
}

/**
 * Queues a points-expiring notice (积分清零提醒) to the holder of each pool whose points, still
 * good today, lapse within the chain's `pointsExpiryNoticeDays` under its policy: how many (the
 * lots' remaining points) and the last day the earliest of them count. A family's pool is told
 * to its parent once, not to each child card. Keyed by member and that day, so a second run, or
 * another HQ process, queues nothing more. Answers how many were queued.
 */
export async function queuePointsExpiryNotices(db: Db, clock: Clock, chainId: string): Promise<number> {
  const chain = await sendingToday(db, clock, chainId, 'points_expiring');
  if (!chain) return 0;
  const { expiry } = await loadPointsSettings(db, chainId);
  const window = expiryNoticeWindow(chain.today, chain.settings.pointsExpiryNoticeDays, expiry);
  if (window === null || window.from >= window.to) return 0;
  const pools = await db.select({ holderMemberId: memberAccounts.holderMemberId, points: sql<string>`sum(${pointsLots.remaining})`, firstEarnedOn: min(pointsLots.earnedOn) })
    .from(pointsLots)
    .innerJoin(memberAccounts, and(eq(memberAccounts.chainId, pointsLots.chainId), eq(memberAccounts.id, pointsLots.accountId)))
    .innerJoin(members, and(eq(members.chainId, memberAccounts.chainId), eq(members.id, memberAccounts.holderMemberId)))
    .where(and(reachable(chainId), eq(pointsLots.chainId, chainId), gt(pointsLots.remaining, 0), gte(pointsLots.earnedOn, window.from), lt(pointsLots.earnedOn, window.to)))
    .groupBy(memberAccounts.holderMemberId);
  let queued = 0;
  for (const pool of pools) {
    const lastDay = addDays(pointsExpireOn(pool.firstEarnedOn!, expiry)!, -1);
    const facts = { kind: 'points_expiring', points: Number(pool.points), expiresOn: lastDay } as const;
    if (await queueMemberMessage(db, clock, chainId, pool.holderMemberId, facts, `points_expiring:${pool.holderMemberId}:${lastDay}`)) queued++;
  }
  return queued;
}

/**
 * Queues a care reminder (会员关怀) to each active, consenting member whose last purchase HQ
 * holds (their join day when they never bought) is at least the chain's `careAfterMonths` months
 * ago. Keyed by member and that day, so a member is reminded once per absence: again only after
 * a new purchase and a new absence. Answers how many were queued.
 */
export async function queueCareReminders(db: Db, clock: Clock, chainId: string): Promise<number> {
  const chain = await sendingToday(db, clock, chainId, 'care_reminder');
  if (!chain) return 0;
  const { careAfterMonths } = chain.settings;
  const lastVisit = sql<string>`coalesce(max(${sales.businessDate}), (${members.createdAt} at time zone ${chain.timeZone})::date)::text`;
  // Adding months holds the day to the month's end, so up to three days later may be as long ago.
  const latest = addDays(addMonths(chain.today, -careAfterMonths), 3);
  const away = await db.select({ id: members.id, name: members.name, since: lastVisit }).from(members)
    .leftJoin(sales, and(eq(sales.chainId, members.chainId), eq(sales.memberId, members.id)))
    .where(reachable(chainId))
    .groupBy(members.id, members.name, members.createdAt)
    .having(sql`${lastVisit} <= ${latest}`);
  let queued = 0;
  for (const member of away) {
    const months = wholeMonthsSince(member.since, chain.today);
    if (months < careAfterMonths) continue;
    if (await queueMemberMessage(db, clock, chainId, member.id, { kind: 'care_reminder', name: member.name, months }, `care_reminder:${member.id}:${member.since}`)) queued++;
  }
  return queued;
}

/** The day's messages of a chain: birthday greetings, points about to lapse, care reminders. */
export async function queueDailyMessages(db: Db, clock: Clock, chainId: string): Promise<{ birthday: number; pointsExpiring: number; careReminder: number }> {
  return {
    birthday: await queueBirthdayGreetings(db, clock, chainId),
    pointsExpiring: await queuePointsExpiryNotices(db, clock, chainId),
    careReminder: await queueCareReminders(db, clock, chainId),
  };
}
