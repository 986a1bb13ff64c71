import { businessDate, defaultMemberMessageSettings, MemberMessageKind } from '@pos/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import type { MessageProvider } from '../member-messages/message-provider';
import { memberMessageSettings } from '../member-messages/member-messages.tables';
import { queueMemberMessage } from '../member-messages/queue-message';
import { sendDueMessages } from '../member-messages/send-messages';
import { members } from '../pricing/pricing.tables';
import { DEMO_CHAIN } from './demo-org';

const DAY_MS = 86_400_000;

/**
 * Messages to members in the demo chain: every kind switched on under the chain's signature,
 * consent from about two members in three who gave a phone (the showcase ones among them), and
 * the birthday greetings of the past month, sent, one of them refused by the gateway for good.
 */
export async function seedDemoMemberMessages({ db, clock }: Deps, chainId: string): Promise<void> {
  await db.insert(memberMessageSettings).values({ chainId, ...defaultMemberMessageSettings, enabledKinds: [...MemberMessageKind.options], signature: '好邻居便利', updatedAt: clock() });
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
