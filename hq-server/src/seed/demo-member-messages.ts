import { AutomaticMessageKind, businessDate, defaultMemberMessageSettings } from '@pos/shared';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import { queueDailyMessages } from '../member-messages/daily-messages';
import type { MessageProvider } from '../member-messages/message-provider';
import { memberMessageSettings } from '../member-messages/member-messages.tables';
import { queueMemberMessage } from '../member-messages/queue-message';
import { sendDueMessages } from '../member-messages/send-messages';
import { memberCards } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { demoCardNo } from './demo-members';
import { DEMO_CHAIN } from './demo-org';

const DAY_MS = 86_400_000;

/**
 * Messages to members in the demo chain: every kind switched on under the chain's signature,
 * consent from about two members in three who gave a phone (the showcase ones among them), and
 * the birthday greetings of the past month, sent, one of them refused by the gateway for good.
 */
export async function seedDemoMemberMessages({ db, clock }: Deps, chainId: string): Promise<void> {
  await db.insert(memberMessageSettings).values({ chainId, ...defaultMemberMessageSettings, enabledKinds: [...AutomaticMessageKind.options], signature: '好邻居便利', updatedAt: clock() });
  await db.update(members).set({ consentToMessages: true })
    .where(and(eq(members.chainId, chainId), isNotNull(members.phone), sql`right(${members.phone}, 1) not in ('7', '8', '9') or ${members.phone} in ('13812345678', '13987654321', '15000001111')`));
  const now = clock();
  const pastMonth = Array.from({ length: 30 }, (_, i) => businessDate(new Date(now.getTime() - (i + 1) * DAY_MS), DEMO_CHAIN.timeZone));
  const greeted = await db.select({ id: members.id, name: members.name, phone: members.phone, birthday: members.birthday }).from(members).where(and(
    eq(members.chainId, chainId), eq(members.consentToMessages, true), sql`right(${members.birthday}, 5) in ${pastMonth.map((d) => d.slice(5))}`,
  ));
  for (const member of greeted) {
    const day = pastMonth.find((d) => d.endsWith(member.birthday!.slice(-5)))!;
    await queueMemberMessage(db, clock, chainId, member.id, { kind: 'birthday', name: member.name }, `birthday:${day.slice(0, 4)}:${member.id}`);
  }
  const refused = greeted[0]?.phone;
  const gateway: MessageProvider = {
    name: 'demo',
    send: async ({ to }) => (to === refused ? { ok: false, error: 'number not in service', retry: false } : { ok: true, ref: null }),
  };
  await sendDueMessages(db, clock, gateway);
}

/** Generated members (cards 888800059 to 888800240): of them the first three who consented joined eight months ago and never came back. */
const awayCards = Array.from({ length: 20 }, (_, i) => demoCardNo(i + 5));

/**
 * The day's greetings and reminders, queued by the job HQ's schedule runs: a care reminder
 * (会员关怀) to three members who joined eight months ago and never bought, and a points-expiring
 * notice to members whose points lapse within the notice days (under the demo's end-of-year
 * policy, in December). After the sales and points, so their purchases count.
 */
export async function seedDemoReminders({ db, clock }: Deps, chainId: string): Promise<void> {
  const joined = new Date(clock().getTime() - 240 * DAY_MS);
  const away = await db.select({ id: members.id }).from(members)
    .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id)))
    .where(and(eq(members.chainId, chainId), eq(members.consentToMessages, true), inArray(memberCards.cardNo, awayCards)))
    .orderBy(memberCards.cardNo).limit(3);
  const ids = away.map((m) => m.id);
  if (ids.length > 0) {
    await db.update(members).set({ createdAt: joined }).where(and(eq(members.chainId, chainId), inArray(members.id, ids)));
    await db.update(memberCards).set({ issuedAt: joined, statusChangedAt: joined }).where(and(eq(memberCards.chainId, chainId), inArray(memberCards.memberId, ids)));
  }
  await queueDailyMessages(db, clock, chainId);
}
