import { memberMessageText, type MemberMessageFacts } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { newId, type Clock } from '../ids';
import { members } from '../pricing/pricing.tables';
import { loadMemberMessageSettings } from './message-settings.service';
import { memberMessages } from './member-messages.tables';

/**
 * Queues a message to a member in the caller's transaction, so a message about a top-up exists
 * exactly when the top-up does. Nothing is queued when the chain does not send this kind, or the
 * member is inactive, has no mobile number or did not consent; nor when `dedupeKey` was queued
 * already (a retried top-up, a daily job run twice). It goes out no sooner than `notBefore`.
 * Answers whether it was queued.
 */
export async function queueMemberMessage(tx: Db, clock: Clock, chainId: string, memberId: string, facts: MemberMessageFacts, dedupeKey: string, notBefore?: Date): Promise<boolean> {
  const settings = await loadMemberMessageSettings(tx, chainId);
  if (!settings.enabledKinds.includes(facts.kind)) return false;
  const [member] = await tx.select({ phone: members.phone, consent: members.consentToMessages, active: members.active })
    .from(members).where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
  if (!member?.active || !member.consent || !member.phone) return false;
  const now = clock();
  const queued = await tx.insert(memberMessages).values({
    chainId, id: newId(clock), memberId, kind: facts.kind, phone: member.phone, text: memberMessageText(settings.signature, facts),
    facts, dedupeKey, nextAttemptAt: notBefore ?? now, createdAt: now,
  }).onConflictDoNothing().returning({ id: memberMessages.id });
  return queued.length > 0;
}
