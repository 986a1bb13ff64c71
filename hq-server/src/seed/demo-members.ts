import { issuedCardNo } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { pinyinKeys } from '../catalog/pinyin';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { memberLevels, members } from '../pricing/pricing.tables';
import { memberCards } from '../members/membership.tables';
import { openMemberAccounts } from '../members/open-accounts';
import { seededRandom } from './random';

export const demoMemberLevels = [
  { code: 'BASIC', nameZh: '普通会员', nameEn: 'Basic member' },
  { code: 'SILVER_CARD', nameZh: '银卡会员', nameEn: 'Silver card' },
  { code: 'GOLD_CARD', nameZh: '金卡会员', nameEn: 'Gold card' },
] as const;

type LevelCode = (typeof demoMemberLevels)[number]['code'];

interface DemoMember {
  cardNo: string;
  name: string;
  phone: string | null;
  level: LevelCode;
  birthday: string | null;
}

/** The n-th demo card: 8888, n in four digits, the check digit (888800018, 888800026 …). */
export const demoCardNo = (n: number): string => issuedCardNo('8888', n, 4);

/** Members to try at the till, one per level; start-up prints them. */
const showcaseMembers: readonly DemoMember[] = [
  { cardNo: demoCardNo(1), name: '王小明', phone: '13812345678', level: 'GOLD_CARD', birthday: '1988-06-15' },
  { cardNo: demoCardNo(2), name: '李静', phone: '13987654321', level: 'SILVER_CARD', birthday: '03-08' },
  { cardNo: demoCardNo(3), name: '陈晓燕', phone: '15000001111', level: 'BASIC', birthday: null },
];

/** The showcase members for the start-up banner: card / phone and level, one per level. */
export function describeShowcaseMembers(): string {
  return showcaseMembers.map((m) => `${m.cardNo} / ${m.phone} ${demoMemberLevels.find((l) => l.code === m.level)!.nameZh}`).join('; ');
}

const surnames = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '桂英', '志强', '建华', '晓东', '海燕', '雪梅', '子涵', '浩然', '欣怡', '宇轩'];
const mobilePrefixes = ['136', '137', '138', '139', '150', '158', '186', '188'];

/** The n-th generated member (n ≥ 3): the same on every machine; a phone for most, a birthday for about half. */
function generatedMember(n: number, random: ReturnType<typeof seededRandom>): DemoMember {
  const roll = random.next();
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const birthday = roll < 0.3 ? `${random.int(1955, 2005)}-${month}-${day}` : roll < 0.5 ? `${month}-${day}` : null;
  return {
    cardNo: demoCardNo(n + 1),
    name: `${random.pick(surnames)}${random.pick(givenNames)}`,
    // Eight digits spread by a multiplier prime to ten, so no two members share a number.
    phone: n % 7 === 0 ? null : `${mobilePrefixes[n % mobilePrefixes.length]}${String((n * 7_919_113 + 40_302_010) % 100_000_000).padStart(8, '0')}`,
    level: n % 10 === 0 ? 'GOLD_CARD' : n % 10 < 4 ? 'SILVER_CARD' : 'BASIC',
    birthday,
  };
}

/**
 * The demo chain's member levels and about 200 members, each with an active card (888800018 …).
 * The levels are taken as they are when the chain already has them by code.
 */
export async function seedDemoMembers({ db, clock }: Deps, chainId: string, count = 200): Promise<number> {
  const random = seededRandom(88880001);
  const codes = demoMemberLevels.map((l) => l.code);
  await db.insert(memberLevels).values(demoMemberLevels.map((l) => ({ chainId, id: newId(clock), ...l }))).onConflictDoNothing();
  const levels = await db.select({ id: memberLevels.id, code: memberLevels.code }).from(memberLevels)
    .where(and(eq(memberLevels.chainId, chainId), inArray(memberLevels.code, codes)));
  const levelId = new Map(levels.map((l) => [l.code, l.id]));
  const demo = [...showcaseMembers, ...Array.from({ length: count - showcaseMembers.length }, (_, i) => generatedMember(i + showcaseMembers.length, random))];
  const enrolled = demo.map(({ level, cardNo, ...m }) => {
    const keys = pinyinKeys(m.name);
    const id = newId(clock);
    return { member: { chainId, id, accountId: id, ...m, namePinyin: keys.pinyin, nameInitials: keys.initials, levelId: levelId.get(level)!, createdAt: clock() }, cardNo };
  });
  await db.insert(members).values(enrolled.map((e) => e.member));
  await db.insert(memberCards).values(enrolled.map(({ member, cardNo }) => ({
    chainId, id: member.id, cardNo, memberId: member.id, status: 'active' as const, issuedAt: member.createdAt, statusChangedAt: member.createdAt,
  })));
  await openMemberAccounts(db, chainId, clock());
  return demo.length;
}
