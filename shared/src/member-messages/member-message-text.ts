import { formatMinor, minor } from '../money/money';
import type { MemberMessageFacts } from '../schemas/member-messages';

const symbols: Record<string, string> = { CNY: '¥', HKD: 'HK$', USD: '$' };

/** An amount as a message writes it: `¥550.00`. */
const money = (currency: string, amountMinor: number) => `${symbols[currency] ?? `${currency} `}${formatMinor(minor(amountMinor), 2)}`;

/** `2026-12-31` as 12月31日. */
const monthDay = (isoDate: string) => `${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;

/** Marketing messages (greetings, reminders) carry the way to refuse more, as the carriers require. */
const OPT_OUT = '拒收请回复R';

/**
 * The text of a message to a member, in Chinese as chains in China send them: the chain's
 * 【signature】 first, then the facts. Notices of money name the store and the balance left, so a
 * member notices at once a spend that was not theirs.
 */
export function memberMessageText(signature: string, facts: MemberMessageFacts): string {
  const head = `【${signature}】`;
  switch (facts.kind) {
    case 'top_up': {
      const bonus = facts.bonusMinor > 0 ? `，赠送${money(facts.currency, facts.bonusMinor)}` : '';
      return `${head}您的会员卡于${facts.storeName}充值${money(facts.currency, facts.amountMinor)}${bonus}，当前余额${money(facts.currency, facts.balanceMinor)}。`;
    }
    case 'spend':
      return `${head}您的会员卡于${facts.storeName}消费${money(facts.currency, facts.amountMinor)}，当前余额${money(facts.currency, facts.balanceMinor)}。如非本人操作，请致电门店。`;
    case 'low_balance':
      return `${head}您的会员卡余额为${money(facts.currency, facts.balanceMinor)}，欢迎到店充值。`;
    case 'birthday':
      return `${head}亲爱的${facts.name}，祝您生日快乐！生日当天到店可享会员礼遇。${OPT_OUT}`;
    case 'points_expiring':
      return `${head}您有${facts.points}积分将于${monthDay(facts.expiresOn)}到期清零，请及时使用。`;
    case 'care_reminder':
      return `${head}${facts.name}，好久不见！您已${facts.months}个月未到店，新品与优惠等您来。${OPT_OUT}`;
    case 'campaign':
      return `${head}${facts.text}${/[。！？.!?]$/.test(facts.text) ? '' : '。'}${OPT_OUT}`;
  }
}
