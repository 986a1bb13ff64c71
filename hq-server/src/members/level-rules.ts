/** A level as the level job reads it (会员升降级规则). */
export interface RuledLevel {
  id: string;
  rank: number;
  active: boolean;
  ruleBasis: 'spend' | 'points' | null;
  ruleThreshold: number | null;
  rulePeriodDays: number;
  isDefault: boolean;
  paidPeriodMonths: number | null;
}

/** A member as the level job weighs them: their level, paid membership, points, and spend over any number of days. */
export interface Standing {
  levelId: string;
  paidUntil: string | null;
  points: number;
  spendOverDays: (days: number) => number;
}

export type LevelMove = { levelId: string; kind: 'upgraded' | 'downgraded' | 'expired' } | null;

/**
 * The level a member should hold today, by the chain's rules: a paid level (付费会员) holds until
 * its paid-until date passes; a level HQ set by hand (no rule, not the default) stays; otherwise
 * the highest-ranked active level whose rule the member meets (spend over its period, or points),
 * else the default level. The answer depends on the data alone, so running it twice is running
 * it once. Null when nothing changes.
 */
export function levelMove(standing: Standing, levels: readonly RuledLevel[], today: string): LevelMove {
  const current = levels.find((l) => l.id === standing.levelId);
  if (!current) return null;
  const paid = current.paidPeriodMonths !== null;
  if (paid && standing.paidUntil !== null && standing.paidUntil >= today) return null;
  if (!paid && current.ruleBasis === null && !current.isDefault) return null;
  const met = levels
    .filter((l) => l.active && l.ruleBasis !== null && l.ruleThreshold !== null)
    .filter((l) => (l.ruleBasis === 'points' ? standing.points : standing.spendOverDays(l.rulePeriodDays)) >= l.ruleThreshold!)
    .sort((a, b) => b.rank - a.rank)[0];
  const target = met ?? levels.find((l) => l.isDefault && l.active);
  if (!target || target.id === current.id) return null;
  if (paid) return { levelId: target.id, kind: 'expired' };
  return { levelId: target.id, kind: target.rank > current.rank ? 'upgraded' : 'downgraded' };
}

/** The last day of a paid membership renewed today: `months` on from the current end, or from today once it has passed. */
export function renewedUntil(paidUntil: string | null, today: string, months: number): string {
  const from = paidUntil !== null && paidUntil >= today ? paidUntil : today;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
