import { describe, expect, it } from 'vitest';
import { colaPromotion } from '../../db/test-db.fixture';
import { compileActivePromotions } from './promotion-rules';

describe('compileActivePromotions', () => {
  it('compiles only the active promotions', () => {
    const paused = { ...colaPromotion, id: 'paused', status: 'paused' as const, rule: { ...colaPromotion.rule, id: 'paused' } };
    const archived = { ...colaPromotion, id: 'gone', status: 'archived' as const, rule: { ...colaPromotion.rule, id: 'gone' } };
    expect(compileActivePromotions([colaPromotion, paused, archived]).rules.map((r) => r.id)).toEqual([colaPromotion.id]);
  });
});
