import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedSales, ReplenishmentInputError, replenishmentWhyText, suggestReplenishment, type ReplenishmentFacts, type ReplenishmentTerms } from './replenish';

const ideal = (minQuantity: number, maxQuantity: number, leadTimeDays = 0): ReplenishmentTerms => ({ policy: 'ideal', minQuantity, maxQuantity, leadTimeDays });
const sellOne = (maxQuantity: number): ReplenishmentTerms => ({ policy: 'sell_one_send_one', minQuantity: 0, maxQuantity, leadTimeDays: 0 });
const facts = (rest: Partial<ReplenishmentFacts> = {}): ReplenishmentFacts => ({
  onHand: 0, inTransit: 0, asked: 0, packSize: 1, soldSinceAsked: 0, recentSold: 0, paceDays: 28, ...rest,
});

describe('replenishing to an ideal stock', () => {
  it('asks for nothing while the stock is above min, counting what is on the way and already asked', () => {
    expect(suggestReplenishment(ideal(10, 40), facts({ onHand: 11 })).why.outcome).toBe('above_min');
    expect(suggestReplenishment(ideal(10, 40), facts({ onHand: 4, inTransit: 4, asked: 3 })).quantity).toBe(0);
    expect(suggestReplenishment(ideal(10, 40), facts({ onHand: 4, inTransit: 4, asked: 2 })).quantity).toBe(30);
  });

  it('asks up to max in whole units when the pack is one, at min exactly', () => {
    const s = suggestReplenishment(ideal(10, 40), facts({ onHand: 10 }));
    expect(s).toMatchObject({ packs: 30, quantity: 30, why: { need: 30, rounding: 'exact', outcome: 'suggest' } });
  });

  it('rounds down to the packs that fit under max when they still lift the stock above min', () => {
    // Need 22 to reach 30; packs of 12: one pack (20 after) clears min 10, two (32) pass max.
    const s = suggestReplenishment(ideal(10, 30), facts({ onHand: 8, packSize: 12 }));
    expect(s).toMatchObject({ packs: 1, quantity: 12, why: { need: 22, rounding: 'down' } });
  });

  it('rounds up when the packs that fit under max would leave the store at or below min', () => {
    // Need 15 to reach 20; packs of 24 do not fit at all, and a store at its min must get goods: one pack, 9 past max.
    expect(suggestReplenishment(ideal(10, 20), facts({ onHand: 5, packSize: 24 }))).toMatchObject({ packs: 1, quantity: 24, why: { rounding: 'up' } });
    // Need 15 to reach 20: two packs of 6 leave 17, below min 18; so three packs, 3 past max.
    expect(suggestReplenishment(ideal(18, 20), facts({ onHand: 5, packSize: 6 }))).toMatchObject({ packs: 3, quantity: 18, why: { rounding: 'up' } });
  });

  it('counts the sales expected over the lead time at the last weeks’ pace', () => {
    expect(expectedSales(28, 28, 7)).toBe(7);
    expect(expectedSales(10, 28, 3)).toBe(2);
    expect(expectedSales(-3, 28, 3)).toBe(0);
    // 14 held is above min 10, but 7 will sell before goods arrive: 7 by then, so 33 to reach 40.
    const s = suggestReplenishment(ideal(10, 40, 7), facts({ onHand: 14, recentSold: 28 }));
    expect(s).toMatchObject({ quantity: 33, why: { expected: 7, need: 33, sold: 28 } });
    expect(suggestReplenishment(ideal(10, 40, 0), facts({ onHand: 14, recentSold: 28 })).quantity).toBe(0);
  });

  it('takes a negative level as none held, not as a debt to fill', () => {
    expect(suggestReplenishment(ideal(5, 20), facts({ onHand: -7 })).quantity).toBe(20);
  });

  it('explains itself in English and Chinese', () => {
    const s = suggestReplenishment(ideal(20, 60, 7), facts({ onHand: 8, inTransit: 12, recentSold: 28, packSize: 12 }));
    expect(replenishmentWhyText(s, 'en')).toBe(
      "on hand 8, on the way 12, asked 0; 7 expected to sell over 7 days' lead time (28 sold in 28 days); min 20, max 60, pack 12 → ask 36 = 3 packs: 47 to reach max, rounded down to stay within max",
    );
    expect(replenishmentWhyText(s, 'zh-CN')).toBe('现有 8，在途 12，已要货未发 0；提前期 7 天预计售出 7（近 28 天售出 28）；最低 20，最高 60，每箱 12 → 要货 36 = 3 箱：补到最高需 47，向下取整以免超过最高');
    expect(replenishmentWhyText(suggestReplenishment(ideal(5, 20), facts({ onHand: 9 })), 'en')).toBe('on hand 9, on the way 0, asked 0; min 5, max 20, pack 1 → nothing: above min');
  });
});

describe('sell one, send one', () => {
  it('sends back what sold since the last ask, rounded up to whole packs', () => {
    expect(suggestReplenishment(sellOne(100), facts({ onHand: 20, soldSinceAsked: 5 }))).toMatchObject({ quantity: 5, why: { need: 5, rounding: 'exact' } });
    expect(suggestReplenishment(sellOne(100), facts({ onHand: 20, soldSinceAsked: 13, packSize: 6 }))).toMatchObject({ packs: 3, quantity: 18, why: { rounding: 'up' } });
  });

  it('asks for nothing when nothing sold (returns can outweigh sales) or the store is at max', () => {
    expect(suggestReplenishment(sellOne(100), facts({ onHand: 20 })).why.outcome).toBe('nothing_sold');
    expect(suggestReplenishment(sellOne(100), facts({ onHand: 20, soldSinceAsked: -2 })).why.outcome).toBe('nothing_sold');
    expect(suggestReplenishment(sellOne(30), facts({ onHand: 20, inTransit: 6, asked: 4, soldSinceAsked: 9 })).why.outcome).toBe('at_max');
  });

  it('is held to the room below max', () => {
    const s = suggestReplenishment(sellOne(30), facts({ onHand: 25, soldSinceAsked: 9, packSize: 4 }));
    expect(s).toMatchObject({ packs: 2, quantity: 8, why: { need: 5, sold: 9 } });
    expect(replenishmentWhyText(s, 'en')).toBe('on hand 25, on the way 0, asked 0; sold 9 since the last ask; min 0, max 30, pack 4 → ask 8 = 2 packs: 5 of what sold, held to max, rounded up to whole packs');
    expect(replenishmentWhyText(s, 'zh-CN')).toBe('现有 25，在途 0，已要货未发 0；上次要货后售出 9；最低 0，最高 30，每箱 4 → 要货 8 = 2 箱：补回售出，以最高库存为限需 5，按整箱向上取整');
  });
});

it('refuses facts that are not whole numbers or a rule whose max is below its min', () => {
  expect(() => suggestReplenishment(ideal(10, 5), facts())).toThrow(ReplenishmentInputError);
  expect(() => suggestReplenishment(ideal(0, 5), facts({ packSize: 0 }))).toThrow(ReplenishmentInputError);
  expect(() => suggestReplenishment(ideal(0, 5), facts({ onHand: 1.5 }))).toThrow(ReplenishmentInputError);
});

describe('for any rule and stock', () => {
  const arbitraryRule = fc.record({
    policy: fc.constantFrom('ideal' as const, 'sell_one_send_one' as const),
    minQuantity: fc.integer({ min: 0, max: 200 }),
    room: fc.integer({ min: 0, max: 300 }),
    leadTimeDays: fc.integer({ min: 0, max: 30 }),
  }).map(({ room, ...r }) => ({ ...r, maxQuantity: r.minQuantity + room }));
  const arbitraryFacts = fc.record({
    onHand: fc.integer({ min: -30, max: 400 }),
    inTransit: fc.integer({ min: 0, max: 100 }),
    asked: fc.integer({ min: 0, max: 100 }),
    packSize: fc.integer({ min: 1, max: 48 }),
    soldSinceAsked: fc.integer({ min: -10, max: 300 }),
    recentSold: fc.integer({ min: 0, max: 900 }),
    paceDays: fc.constantFrom(0, 7, 28),
  });
  /** What the store will hold when goods arrive before this suggestion: its position, less expected sales. */
  const before = (s: ReturnType<typeof suggestReplenishment>) => Math.max(0, s.why.onHand) + s.why.inTransit + s.why.asked - s.why.expected;

  it('never suggests a part pack, nor more than takes the stock to max and less than a pack beyond', () => {
    fc.assert(fc.property(arbitraryRule, arbitraryFacts, (rule, f) => {
      const s = suggestReplenishment(rule, f);
      expect(s.quantity).toBe(s.packs * f.packSize);
      expect(s.quantity).toBeGreaterThanOrEqual(0);
      if (s.quantity > 0) expect(before(s) + s.quantity).toBeLessThan(rule.maxQuantity + f.packSize);
    }));
  });

  it('suggests nothing above the trigger, and once asked lifts the stock above min (or to max)', () => {
    fc.assert(fc.property(arbitraryRule, arbitraryFacts, (rule, f) => {
      const s = suggestReplenishment(rule, f);
      if (rule.policy === 'ideal') {
        if (before(s) > rule.minQuantity) expect(s.quantity).toBe(0);
        // Above min, or (when min is max) at it.
        else if (s.quantity > 0) expect(before(s) + s.quantity > rule.minQuantity || before(s) + s.quantity >= rule.maxQuantity).toBe(true);
      } else if (f.soldSinceAsked <= 0 || before(s) >= rule.maxQuantity) {
        expect(s.quantity).toBe(0);
      } else {
        expect(s.quantity).toBeGreaterThanOrEqual(Math.min(f.soldSinceAsked, rule.maxQuantity - before(s)));
      }
    }));
  });

  it('asks for nothing more when asked again with what it asked for counted', () => {
    fc.assert(fc.property(arbitraryRule, arbitraryFacts, (rule, f) => {
      const first = suggestReplenishment(rule, f);
      const again = suggestReplenishment(rule, { ...f, asked: f.asked + first.quantity, soldSinceAsked: 0 });
      expect(again.quantity).toBe(0);
    }));
  });
});
