import { issuedCardNo, type CancelCardBody, type CancelCardResult, type CardPinBody, type IssueCardBody, type MemberCard, type MemberDetail, type ReplaceLostCardBody } from '@pos/shared';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/secrets';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { stores } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';
import { postStoredValue } from '../stored-value/post-entry';
import { cardTransition, type CardAction } from './card-lifecycle';
import { loadMemberDetail, memberRow } from './member-detail';
import { memberAccounts, memberCardNumbering, memberCards, membershipSettings } from './membership.tables';

type CardRow = typeof memberCards.$inferSelect;

export const toMemberCard = (c: CardRow, now: Date): MemberCard => ({
  id: c.id, cardNo: c.cardNo, status: c.status, hasPin: c.pinHash !== null, pinLocked: c.pinLockedUntil !== null && c.pinLockedUntil > now,
  replacedByCardId: c.replacedByCardId, issuedAt: c.issuedAt.toISOString(), statusChangedAt: c.statusChangedAt.toISOString(),
});

/**
 * The next number HQ issues in the chain: prefix, sequence and check digit. The sequence moves
 * by one atomic upsert, so two issues at once get different numbers; a number a pre-printed or
 * imported card already holds is skipped.
 */
export async function nextIssuedCardNo(tx: Db, chainId: string): Promise<string> {
  for (;;) {
    const [numbering] = await tx.insert(memberCardNumbering).values({ chainId, lastSequence: 1 })
      .onConflictDoUpdate({ target: memberCardNumbering.chainId, set: { lastSequence: sql`${memberCardNumbering.lastSequence} + 1` } })
      .returning();
    const cardNo = issuedCardNo(numbering!.prefix, numbering!.lastSequence, numbering!.width);
    const taken = await tx.$count(memberCards, and(eq(memberCards.chainId, chainId), eq(memberCards.cardNo, cardNo)));
    if (taken === 0) return cardNo;
  }
}

/** Inserts a card; a number the chain already has is a 409 naming it. */
export async function insertCard(tx: Db, card: typeof memberCards.$inferInsert): Promise<void> {
  const inserted = await tx.insert(memberCards).values(card).onConflictDoNothing().returning({ id: memberCards.id });
  if (inserted.length === 0) throw new AppError('CONFLICT', `card ${card.cardNo} is already issued`, [{ path: 'cardNo', message: 'already issued' }]);
}

/** The card, locked for the rest of the transaction, or 404. */
async function lockedCard(tx: Db, chainId: string, where: { id: string } | { cardNo: string }): Promise<CardRow> {
  const match = 'id' in where ? eq(memberCards.id, where.id) : eq(memberCards.cardNo, where.cardNo);
  const [card] = await tx.select().from(memberCards).where(and(eq(memberCards.chainId, chainId), match)).for('update');
  if (!card) throw new AppError('NOT_FOUND', 'id' in where ? `no card ${where.id}` : `no card ${where.cardNo}`);
  return card;
}

function mustAllow(card: CardRow, action: CardAction) {
  const verdict = cardTransition(card.status, action);
  if (!verdict.ok) throw new AppError('CONFLICT', `card ${card.cardNo}: ${verdict.reason}`);
  return verdict.to;
}

/** A member a card can be given to: active, not merged away. */
async function usableMember(tx: Db, chainId: string, memberId: string) {
  const member = await memberRow(tx, chainId, memberId);
  if (!member.active) throw new AppError('CONFLICT', `member ${memberId} is no longer active`);
  return member;
}

/** The store a change is made at (a store manager's) and its franchisee; HQ's are neither. */
async function placeOf(db: Db, principal: Principal): Promise<{ storeId: string | null; franchiseeId: string | null }> {
  const { storeId } = principal;
  if (!storeId) return { storeId: null, franchiseeId: null };
  const [store] = await db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(and(eq(stores.chainId, principal.chainId), eq(stores.id, storeId)));
  return { storeId, franchiseeId: store?.franchiseeId ?? null };
}

const actorOf = (principal: Principal) => (principal.kind === 'office' ? principal.userId : null);

/** A new card for a member (发卡), issued but not usable until activated. */
export async function issueCard({ db, clock }: Deps, principal: Principal, memberId: string, body: IssueCardBody): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  await db.transaction(async (tx) => {
    await usableMember(tx, chainId, memberId);
    const { storeId } = await placeOf(tx, principal);
    const card = { chainId, id: newId(clock), cardNo: body.cardNo ?? (await nextIssuedCardNo(tx, chainId)), memberId, status: 'issued' as const, issuedAt: now, issuedStoreId: storeId, statusChangedAt: now };
    await insertCard(tx, card);
    await recordAudit(tx, principal, clock, { entity: 'member_card', entityId: card.id, action: 'issue', before: null, after: toMemberCard({ ...card, pinHash: null, pinFailedTries: 0, pinLockedUntil: null, replacedByCardId: null }, now), storeId });
  });
  return loadMemberDetail(db, principal, memberId, now);
}

/** Makes an issued card the member's active one; a member who already has an active card replaces it instead. */
export async function activateCard({ db, clock }: Deps, principal: Principal, cardId: string): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  const memberId = await db.transaction(async (tx) => {
    const card = await lockedCard(tx, chainId, { id: cardId });
    const to = mustAllow(card, 'activate');
    await usableMember(tx, chainId, card.memberId);
    const others = await tx.$count(memberCards, and(eq(memberCards.chainId, chainId), eq(memberCards.memberId, card.memberId), eq(memberCards.status, 'active')));
    if (others > 0) throw new AppError('CONFLICT', 'the member already has an active card: replace it (补卡) instead of activating a second one');
    const [after] = await tx.update(memberCards).set({ status: to, statusChangedAt: now }).where(and(eq(memberCards.chainId, chainId), eq(memberCards.id, cardId))).returning();
    await recordAudit(tx, principal, clock, { entity: 'member_card', entityId: cardId, action: 'activate', before: toMemberCard(card, now), after: toMemberCard(after!, now) });
    return card.memberId;
  });
  return loadMemberDetail(db, principal, memberId, now);
}

/**
 * Reports a card lost (挂失): it is refused at every till from this moment. A till may call it
 * (its clerk's key decides), so it answers the card alone, nothing of its member.
 */
export async function reportCardLost({ db, clock }: Deps, principal: Principal, cardNo: string): Promise<MemberCard> {
  const { chainId } = principal;
  const now = clock();
  return db.transaction(async (tx) => {
    const card = await lockedCard(tx, chainId, { cardNo });
    const to = mustAllow(card, 'report_lost');
    const [after] = await tx.update(memberCards).set({ status: to, statusChangedAt: now }).where(and(eq(memberCards.chainId, chainId), eq(memberCards.id, card.id))).returning();
    await recordAudit(tx, principal, clock, { entity: 'member_card', entityId: card.id, action: 'report_lost', before: toMemberCard(card, now), after: toMemberCard(after!, now), storeId: principal.kind === 'device' ? principal.storeId : null });
    return toMemberCard(after!, now);
  });
}

/**
 * Replaces a card (补卡): a new card, active at once, and the old one `replaced` and blocked for
 * good. Balance, points and level need no moving: they belong to the member and the account,
 * which the new card uses as the old one did.
 */
export async function replaceCard(deps: Deps, principal: Principal, cardId: string, body: IssueCardBody): Promise<MemberDetail> {
  const { memberId } = await replace(deps, principal, { id: cardId }, body);
  return loadMemberDetail(deps.db, principal, memberId, deps.clock());
}

/** Replaces a lost card at the counter (补卡) by the numbers of the lost card and of the new one handed over; answers the new card. */
export async function replaceLostCard(deps: Deps, principal: Principal, body: ReplaceLostCardBody): Promise<MemberCard> {
  return (await replace(deps, principal, { cardNo: body.cardNo }, { cardNo: body.newCardNo })).card;
}

async function replace({ db, clock }: Deps, principal: Principal, which: { id: string } | { cardNo: string }, body: IssueCardBody): Promise<{ memberId: string; card: MemberCard }> {
  const { chainId } = principal;
  const now = clock();
  return db.transaction(async (tx) => {
    const old = await lockedCard(tx, chainId, which);
    const cardId = old.id;
    const to = mustAllow(old, 'replace');
    await usableMember(tx, chainId, old.memberId);
    const { storeId } = await placeOf(tx, principal);
    const fresh = { chainId, id: newId(clock), cardNo: body.cardNo ?? (await nextIssuedCardNo(tx, chainId)), memberId: old.memberId, status: 'active' as const, issuedAt: now, issuedStoreId: storeId, statusChangedAt: now };
    const [after] = await tx.update(memberCards).set({ status: to, replacedByCardId: fresh.id, statusChangedAt: now }).where(and(eq(memberCards.chainId, chainId), eq(memberCards.id, cardId))).returning();
    await insertCard(tx, fresh);
    const freshCard = toMemberCard({ ...fresh, pinHash: null, pinFailedTries: 0, pinLockedUntil: null, replacedByCardId: null }, now);
    await recordAudit(tx, principal, clock,
      { entity: 'member_card', entityId: cardId, action: 'replace', before: toMemberCard(old, now), after: toMemberCard(after!, now), storeId },
      { entity: 'member_card', entityId: fresh.id, action: 'issue', before: null, after: freshCard, storeId });
    return { memberId: old.memberId, card: freshCard };
  });
}

/**
 * Cancels a card (注销), for good. An issued card never used goes alone. Cancelling the active or
 * lost card ends the membership: the member's other cards are cancelled, the member made
 * inactive and, for a member on their own account, the balance leaves it in one `cancellation`
 * entry, in this transaction: the member's own money refunded by the tender chosen (bonus money
 * is not paid out) or, where the chain's settings say so, all of it forfeited. A parent with
 * active child cards is refused until the children are detached or cancelled; a child's
 * cancellation moves no money, since the account is the parent's. An account owing a
 * receivable is refused until it is settled.
 */
export async function cancelCard({ db, clock }: Deps, principal: Principal, cardId: string, body: CancelCardBody): Promise<CancelCardResult> {
  const { chainId } = principal;
  const now = clock();
  return db.transaction(async (tx) => {
    const card = await lockedCard(tx, chainId, { id: cardId });
    const to = mustAllow(card, 'cancel');
    const place = await placeOf(tx, principal);
    const endsMembership = card.status !== 'issued';
    let refundedMinor = 0;
    let forfeitedMinor = 0;
    let refundTender: CancelCardResult['refundTender'] = null;
    const member = await memberRow(tx, chainId, card.memberId);
    if (endsMembership) {
      const children = await tx.$count(members, and(eq(members.chainId, chainId), eq(members.parentMemberId, member.id), eq(members.active, true)));
      if (children > 0) throw new AppError('CONFLICT', `the member has ${children} active child card(s): detach or cancel them first`);
      if (member.parentMemberId === null) {
        const [account] = await tx.select().from(memberAccounts).where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, member.accountId))).for('update');
        if (account!.receivableMinor > 0) throw new AppError('CONFLICT', `the account owes ${account!.receivableMinor} (minor units) from an offline spend: settle it first`);
        if (account!.balanceMinor > 0) {
          const [settings] = await tx.select({ forfeits: membershipSettings.cancelForfeitsBalance }).from(membershipSettings).where(eq(membershipSettings.chainId, chainId));
          const forfeits = settings?.forfeits ?? false;
          if (!forfeits && !body.refundTender) {
            throw new AppError('VALIDATION_FAILED', 'the account holds stored value: choose how it is refunded (cash or bank card)', [{ path: 'refundTender', message: 'required while the account holds a balance' }]);
          }
          refundTender = forfeits ? null : body.refundTender!;
          forfeitedMinor = forfeits ? account!.balanceMinor : account!.bonusMinor;
          refundedMinor = account!.balanceMinor - forfeitedMinor;
          await postStoredValue(tx, chainId, account!.id, -account!.balanceMinor, {
            id: newId(clock), kind: 'cancellation', bonusMinor: -account!.bonusMinor, memberId: member.id, cardId: card.id, ...place,
            actorId: actorOf(principal), reason: forfeits ? 'forfeit' : `refund:${refundTender}`, at: now,
          });
        }
      }
      await tx.update(memberCards).set({ status: 'cancelled', statusChangedAt: now })
        .where(and(eq(memberCards.chainId, chainId), eq(memberCards.memberId, member.id), ne(memberCards.id, card.id), inArray(memberCards.status, ['issued', 'active', 'lost'])));
      await tx.update(members).set({ active: false }).where(and(eq(members.chainId, chainId), eq(members.id, member.id)));
    }
    const [after] = await tx.update(memberCards).set({ status: to, statusChangedAt: now }).where(and(eq(memberCards.chainId, chainId), eq(memberCards.id, card.id))).returning();
    const result = { card: toMemberCard(after!, now), membershipEnded: endsMembership, refundedMinor, forfeitedMinor, refundTender };
    await recordAudit(tx, principal, clock, { entity: 'member_card', entityId: card.id, action: 'cancel', before: toMemberCard(card, now), after: result, storeId: place.storeId });
    return result;
  });
}

/** Sets, changes or (with null) clears a card's stored-value PIN, hashed; wrong tries and any lock-out start afresh. */
export async function setCardPin({ db, clock }: Deps, principal: Principal, cardId: string, { pin }: CardPinBody): Promise<MemberCard> {
  const { chainId } = principal;
  const now = clock();
  const pinHash = pin === null ? null : await hashPassword(pin);
  return db.transaction(async (tx) => {
    const card = await lockedCard(tx, chainId, { id: cardId });
    mustAllow(card, 'set_pin');
    const [after] = await tx.update(memberCards).set({ pinHash, pinFailedTries: 0, pinLockedUntil: null })
      .where(and(eq(memberCards.chainId, chainId), eq(memberCards.id, cardId))).returning();
    await recordAudit(tx, principal, clock, { entity: 'member_card', entityId: cardId, action: pin === null ? 'clear_pin' : 'set_pin', before: toMemberCard(card, now), after: toMemberCard(after!, now) });
    return toMemberCard(after!, now);
  });
}
