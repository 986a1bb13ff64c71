import type { RoundingPolicy } from '../promotions.schemas';

/** 抹零: the difference that rounds a non-negative total to the chain's cash unit (negative when rounded down). */
export function cashRoundingDifference(total: number, { unitMinor, mode }: RoundingPolicy): number {
  const whole = Math.floor(total / unitMinor) * unitMinor;
  const rest = total - whole;
  const rounded = mode === 'half_up' && rest * 2 >= unitMinor ? whole + unitMinor : whole;
  return rounded - total;
}
