import { businessDate, maskCardNo, type TopUpBody, type TopUpResult } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { queueTopUpNotice } from '../member-messages/money-notices';
import { memberCards } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { cardForMoney } from './card-for-money.repo';
import { lockAccount, onceByPayment } from './entries.repo';
import { entryOrigin } from './entry-origin';
import { payOffReceivables } from './offline-settlement';
import { postStoredValue } from './post-entry';
import { storedValueTopUps } from './stored-value.tables';
import { bestTopUpRule } from './top-up-rules.service';

/** A top-up HQ holds, as its first answer: the slip's figures. A retry with other figures is a mistake of the caller. */
async function earlierTopUp(db: Db, chainId: string, body: TopUpBody): Promise<TopUpResult | undefined> {
  const [row] = await db
    .select({ topUp: storedValueTopUps, cardNo: memberCards.cardNo, memberName: members.name })
    .from(storedValueTopUps)
    .innerJoin(memberCards, and(eq(memberCards.chainId, storedValueTopUps.chainId), eq(memberCards.id, storedValueTopUps.cardId)))
    .innerJoin(members, and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId)))
    .where(and(eq(storedValueTopUps.chainId, chainId), eq(storedValueTopUps.paymentId, body.paymentId)));
  if (!row) return undefined;
  const { topUp } = row;
  if (row.cardNo !== body.cardNo || topUp.amountMinor !== body.amountMinor || topUp.tender !== body.tender) {
    throw new AppError('CONFLICT', 'this payment id already topped up another card, amount or tender', { paymentId: body.paymentId });
  }
  return {
    entryId: topUp.entryId, bonusEntryId: topUp.bonusEntryId, rule: topUp.ruleId ? { id: topUp.ruleId, name: topUp.ruleName ?? '' } : null,
    slip: {
      id: topUp.paymentId, at: topUp.createdAt.toISOString(), cardNoMasked: maskCardNo(row.cardNo), memberName: row.memberName, tender: body.tender,
      amountMinor: topUp.amountMinor, bonusMinor: topUp.bonusMinor, balanceAfterMinor: topUp.balanceAfterMinor,
    } as TopUpResult['slip'],
  };
}

/**
 * Tops up a card (会员充值) at the counter or in the office: the amount as a `top_up` entry and,
 * when a rule of the chain covers it that day, its bonus as a `top_up_bonus` entry, both in one
 * transaction, once per payment id. An account owing a receivable from an offline payment pays
 * it off from the amount first (`offline-settlement.ts`); the slip's balance is what is left. Office top-ups are HQ's and audited; a till's are its store's.
 */
export async function topUpStoredValue({ db, clock }: Deps, principal: Principal, body: TopUpBody): Promise<TopUpResult> {
  const { chainId } = principal;
  if (principal.kind === 'office' && principal.role !== 'hq_admin') throw new AppError('FORBIDDEN', 'only HQ tops up cards from the office');
  const earlier = await earlierTopUp(db, chainId, body);
  if (earlier) return earlier;
  const origin = await entryOrigin(db, principal, principal.kind === 'device' ? body.cashierId : undefined);
  const found = await cardForMoney(db, chainId, body.cardNo, 'allowed');
  const at = clock();
  const rule = await bestTopUpRule(db, chainId, body.amountMinor, businessDate(at, origin.timeZone));
  const { timeZone: _zone, ...where } = origin;
  const context = { memberId: found.member.id, cardId: found.card.id, ...where, paymentId: body.paymentId, documentId: body.paymentId, at };
  return onceByPayment(() => db.transaction(async (tx) => {
    await lockAccount(tx, chainId, found.account.id);
    const raced = await earlierTopUp(tx, chainId, body);
    if (raced) return raced;
    const entryId = newId(clock);
    let posted = (await postStoredValue(tx, chainId, found.account.id, body.amountMinor, { ...context, id: entryId, kind: 'top_up', bonusMinor: 0 }))!;
    const bonusEntryId = rule ? newId(clock) : null;
    if (rule) posted = (await postStoredValue(tx, chainId, found.account.id, rule.bonusMinor, { ...context, id: bonusEntryId!, kind: 'top_up_bonus', bonusMinor: rule.bonusMinor, reason: rule.name }))!;
    posted = (await payOffReceivables(tx, chainId, found.account.id, body.amountMinor, { ...context, id: newId(clock) })) ?? posted;
    const bonusMinor = rule?.bonusMinor ?? 0;
    await tx.insert(storedValueTopUps).values({
      chainId, paymentId: body.paymentId, accountId: found.account.id, cardId: found.card.id, tender: body.tender, reference: body.reference ?? null,
      amountMinor: body.amountMinor, bonusMinor, balanceAfterMinor: posted.balanceAfterMinor, ruleId: rule?.id ?? null, ruleName: rule?.name ?? null,
      entryId, bonusEntryId, storeId: where.storeId, deviceId: where.deviceId, actorId: where.actorId, createdAt: at,
    });
    const result: TopUpResult = {
      entryId, bonusEntryId, rule: rule && { id: rule.id, name: rule.name },
      slip: {
        id: body.paymentId, at: at.toISOString(), cardNoMasked: maskCardNo(body.cardNo), memberName: found.member.name, tender: body.tender,
        amountMinor: body.amountMinor, bonusMinor, balanceAfterMinor: posted.balanceAfterMinor,
      } as TopUpResult['slip'],
    };
    await queueTopUpNotice(tx, clock, chainId, found.member, { paymentId: body.paymentId, storeId: where.storeId, amountMinor: body.amountMinor, bonusMinor, balanceMinor: posted.balanceAfterMinor });
    if (principal.kind === 'office') {
      await recordAudit(tx, principal, clock, { entity: 'stored_value_top_up', entityId: body.paymentId, action: 'create', before: null, after: { cardNo: body.cardNo, tender: body.tender, reference: body.reference ?? null, amountMinor: body.amountMinor, bonusMinor } });
    }
    return result;
  }), () => earlierTopUp(db, chainId, body));
}
