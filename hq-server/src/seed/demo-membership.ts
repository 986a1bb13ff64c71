import { businessDate } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { pinyinKeys } from '../catalog/pinyin';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { memberCards } from '../members/membership.tables';
import { openMemberAccounts } from '../members/open-accounts';
import { memberLevels, members } from '../pricing/pricing.tables';
import { postPoints } from '../points/post-points';
import { postStoredValue } from '../stored-value/post-entry';
import { demoCardNo } from './demo-members';

type Card = { no: number; status: 'active' | 'replaced' };

interface ShowcaseMember {
  key: string;
  name: string;
  phone: string | null;
  birthday: string | null;
  level: 'BASIC' | 'SILVER_CARD' | 'PLUS_MEMBER';
  cards: Card[];
  /** Stored value topped up, and the bonus given with it. */
  topUp?: { amountMinor: number; bonusMinor: number };
  points?: number;
  parent?: string;
  limits?: { childTxnLimitMinor: number | null; childDayLimitMinor: number | null };
  /** Days from today to the last paid day. */
  paidForDays?: number;
}

/**
 * What the member screens show at first start: a family with a parent card and two child cards
 * under limits (主附卡), a card lost and replaced (补卡), a paid member near expiry, and a pair of
 * look-alikes to merge (查重、合并). Card numbers 888809010 onwards.
 */
const showcase: ShowcaseMember[] = [
  { key: 'parent', name: '赵建国', phone: '13900009001', birthday: '1978-04-12', level: 'SILVER_CARD', cards: [{ no: 901, status: 'active' }], topUp: { amountMinor: 80_000, bonusMinor: 8_000 }, points: 2_400 },
  { key: 'child1', name: '赵小雨', phone: null, birthday: '2010-09-01', level: 'BASIC', cards: [{ no: 902, status: 'active' }], parent: 'parent', limits: { childTxnLimitMinor: 5_000, childDayLimitMinor: 20_000 } },
  { key: 'child2', name: '赵小川', phone: null, birthday: '2013-02-18', level: 'BASIC', cards: [{ no: 903, status: 'active' }], parent: 'parent', limits: { childTxnLimitMinor: 3_000, childDayLimitMinor: 10_000 } },
  { key: 'replaced', name: '孙丽华', phone: '13900009004', birthday: '06-30', level: 'SILVER_CARD', cards: [{ no: 904, status: 'replaced' }, { no: 905, status: 'active' }], topUp: { amountMinor: 30_000, bonusMinor: 0 }, points: 800 },
  { key: 'paid', name: '钱志远', phone: '13900009006', birthday: null, level: 'PLUS_MEMBER', cards: [{ no: 906, status: 'active' }], paidForDays: 10, points: 5_000 },
  { key: 'dup1', name: '吴海燕', phone: '13900009007', birthday: '1985-07-07', level: 'BASIC', cards: [{ no: 907, status: 'active' }], topUp: { amountMinor: 10_000, bonusMinor: 0 }, points: 300 },
  { key: 'dup2', name: '吴海燕', phone: null, birthday: '1985-07-07', level: 'BASIC', cards: [{ no: 908, status: 'active' }], topUp: { amountMinor: 5_000, bonusMinor: 500 }, points: 120 },
];

/** The showcase's members as start-up prints them. */
export const describeMembershipShowcase = (): string =>
  `family ${demoCardNo(901)} (children ${demoCardNo(902)}, ${demoCardNo(903)}); replaced card ${demoCardNo(904)} → ${demoCardNo(905)}; paid ${demoCardNo(906)}; duplicates ${demoCardNo(907)} / ${demoCardNo(908)}`;

function plusDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The demo chain's level rules and its paid level (Plus, 付费会员, a year at a time), then the
 * showcase members with their cards, families, balances and points.
 */
export async function seedMembershipShowcase({ db, clock }: Deps, chainId: string, timeZone: string): Promise<void> {
  await db.insert(memberLevels).values({ chainId, id: newId(clock), code: 'PLUS_MEMBER', nameZh: '付费会员', nameEn: 'Plus member', rank: 3, paidPeriodMonths: 12 }).onConflictDoNothing();
  const set = (code: string, values: Partial<typeof memberLevels.$inferInsert>) =>
    db.update(memberLevels).set(values).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.code, code)));
  await set('BASIC', { rank: 0, isDefault: true });
  await set('SILVER_CARD', { rank: 1, ruleBasis: 'spend', ruleThreshold: 100_000, rulePeriodDays: 365 });
  await set('GOLD_CARD', { rank: 2 });
  const levels = new Map((await db.select({ id: memberLevels.id, code: memberLevels.code }).from(memberLevels).where(eq(memberLevels.chainId, chainId))).map((l) => [l.code, l.id]));
  const today = businessDate(clock(), timeZone);
  const ids = new Map(showcase.map((m) => [m.key, newId(clock)]));
  await db.transaction(async (tx) => {
    const now = clock();
    for (const m of showcase) {
      const id = ids.get(m.key)!;
      const parentId = m.parent ? ids.get(m.parent)! : null;
      const keys = pinyinKeys(m.name);
      await tx.insert(members).values({
        chainId, id, accountId: parentId ?? id, parentMemberId: parentId, ...m.limits, name: m.name, namePinyin: keys.pinyin, nameInitials: keys.initials,
        phone: m.phone, birthday: m.birthday, levelId: levels.get(m.level)!, paidUntil: m.paidForDays === undefined ? null : plusDays(today, m.paidForDays),
        consentToMessages: m.phone !== null, tags: m.parent ? ['附卡'] : [], createdAt: now,
      });
      const cardIds = m.cards.map(() => newId(clock));
      for (const [i, card] of m.cards.entries()) {
        // An older card was issued a month before the one that replaced it.
        const issuedAt = new Date(now.getTime() - (m.cards.length - 1 - i) * 30 * 86_400_000);
        await tx.insert(memberCards).values({
          chainId, id: cardIds[i]!, cardNo: demoCardNo(card.no), memberId: id, status: card.status, issuedAt, statusChangedAt: now,
          replacedByCardId: card.status === 'replaced' ? cardIds[i + 1]! : null,
        });
      }
    }
    await openMemberAccounts(tx, chainId, now);
    for (const m of showcase) {
      const id = ids.get(m.key)!;
      if (m.topUp) {
        const documentId = newId(clock);
        await postStoredValue(tx, chainId, id, m.topUp.amountMinor, { id: newId(clock), kind: 'top_up', memberId: id, documentId, reason: 'demo', at: now });
        if (m.topUp.bonusMinor > 0) await postStoredValue(tx, chainId, id, m.topUp.bonusMinor, { id: newId(clock), kind: 'top_up_bonus', bonusMinor: m.topUp.bonusMinor, memberId: id, documentId, reason: 'demo', at: now });
      }
    }
  });
  // Points as an office adjustment through the ledger, so the pools add up like every other.
  for (const m of showcase) {
    if (m.points) {
      await postPoints(db, chainId, ids.get(m.key)!, m.points, { id: newId(clock), kind: 'adjustment', memberId: ids.get(m.key)!, reason: 'demo' }, { at: clock(), earnedOn: today });
    }
  }
}
