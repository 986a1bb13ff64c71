import { compileRules, type CompiledRules, type Promotion } from '@pos/shared';

/** Only active promotions price a basket; paused, draft and archived ones are kept but ignored. */
export function compileActivePromotions(promotions: readonly Promotion[]): CompiledRules {
  return compileRules(promotions.filter((p) => p.status === 'active').map((p) => p.rule));
}
