import { memberMessageText, type AutomaticMessageFacts, type MemberMessageSettings } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId, type Clock } from '../ids';
import { members } from '../pricing/pricing.tables';
import { loadMemberMessageSettings } from './message-settings.service';
import { memberMessages } from './member-messages.tables';

/** What decides whether a member can be written to: an active member with a mobile number who consented. */
export interface MessageRecipient {
  phone: string | null;
  consent: boolean;
  active: boolean;
}

/**
 * Queues a message to a member in the caller's transaction, so a message about a top-up exists
 * exactly when the top-up does. Nothing is queued when the chain does not send this kind, or the
 * member is inactive, has no mobile number or did not consent; nor when `dedupeKey` was queued
 * already (a retried top-up, a daily job run twice). It goes out no sooner than `notBefore`.
 * Answers whether it was queued.
 */
export async function queueMemberMessage(tx: Db, clock: Clock, chainId: string, memberId: string, facts: AutomaticMessageFacts, dedupeKey: string, notBefore?: Date): Promise<boolean> {
  const settings = await loadMemberMessageSettings(tx, chainId);
  if (!settings.enabledKinds.includes(facts.kind)) return false;
  const [member] = await tx.select({ phone: members.phone, consent: members.consentToMessages, active: members.active })
    .from(members).where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
  return member ? queueMessageTo(tx, clock, chainId, { id: memberId, ...member }, settings, facts, dedupeKey, notBefore) : false;
}

/**
 * `queueMemberMessage` for a caller that read the chain's settings and the member already (a
 * spend reads them before it takes the account's lock): writes nothing, and reads nothing,
 * unless the message may go out.
 */
export async function queueMessageTo(
  tx: Db, clock: Clock, chainId: string, member: MessageRecipient & { id: string }, settings: MemberMessageSettings,
  facts: AutomaticMessageFacts, dedupeKey: string, notBefore?: Date,
): Promise<boolean> {
  if (!settings.enabledKinds.includes(facts.kind) || !member.active || !member.consent || !member.phone) return false;
  const now = clock();
  const queued = await tx.insert(memberMessages).values({
    chainId, id: newId(clock), memberId: member.id, kind: facts.kind, phone: member.phone, text: memberMessageText(settings.signature, facts),
    facts, dedupeKey, nextAttemptAt: notBefore ?? now, createdAt: now,
  }).onConflictDoNothing().returning({ id: memberMessages.id });
  return queued.length > 0;
}
