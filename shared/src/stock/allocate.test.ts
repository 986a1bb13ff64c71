import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllocationInputError, allocateProduct, allocationInFull, allocationWhyText, checkAdjustedAllocation, servesEveryAskInFull, type AllocationClaim, type AllocationInput } from './allocate';

const claim = (storeId: string, priority: number, asked: number | null, rest: Partial<AllocationClaim> = {}): AllocationClaim => ({
  storeId, priority, asked, ideal: null, onHand: 0, inTransit: 0, ...rest,
});
const got = (input: AllocationInput) => Object.fromEntries(allocateProduct(input).stores.map((s) => [s.storeId, s.quantity]));

describe('allocating a product that is short', () => {
  // Packs of 6, 90 on hand: 15 packs.
  // A (priority 1) asked 24: 4 packs, in full; 11 packs left for priority 2.
  // B asked 30, ideal 30, had 8: needs 22 (4 packs at most). C asked 18, ideal 40, had 10 with
  // 12 on the way: needs 18 (3 packs). D asked nothing, ideal 36, had 5 with 6 on the way: needs
  // 25 (5 packs). Together 65 needed, 12 packs wanted, 11 left.
  // C's share, 11 × 18 / 65 = 3.05 packs, reaches its 3: C gets 3 in full, 8 left for B and D.
  // B: 8 × 22 / 47 = 3.74 packs (22.5 units), D: 8 × 25 / 47 = 4.26 packs (25.5 units). Floors 3
  // and 4, one pack over: B has the larger remainder (0.74 against 0.26). B 4, D 4.
  // E (priority 3) gets nothing.
  const fiveStores: AllocationInput = {
    productId: 'p1', available: 90, packSize: 6,
    claims: [
      claim('A', 1, 24, { onHand: 3 }),
      claim('B', 2, 30, { ideal: 30, onHand: 8 }),
      claim('C', 2, 18, { ideal: 40, onHand: 10, inTransit: 12 }),
      claim('D', 2, null, { ideal: 36, onHand: 5, inTransit: 6 }),
      claim('E', 3, 12),
    ],
  };

  it('serves priorities in turn, then shares in proportion to need in whole packs, counting stock on the way', () => {
    const result = allocateProduct(fiveStores);
    expect(got(fiveStores)).toEqual({ A: 24, B: 24, C: 18, D: 24, E: 0 });
    expect(result.allocated).toBe(90);
    expect(result.stores.map((s) => [s.storeId, s.why.need, s.why.maxPacks, s.why.outcome])).toEqual([
      ['A', 24, 4, 'full'], ['B', 22, 4, 'proportional'], ['C', 18, 3, 'full'], ['D', 25, 5, 'proportional'], ['E', 12, 2, 'none_left'],
    ]);
    const b = result.stores.find((s) => s.storeId === 'B')!;
    expect(b.why.shareUnits).toBeCloseTo((8 * 22 * 6) / 47, 10);
    expect(allocationWhyText(b, 6, 'en')).toBe('asked 30, ideal 30, had 8; got 24 = 4 packs of 6: proportional share 22.5 rounded to packs');
    expect(allocationWhyText(result.stores.find((s) => s.storeId === 'D')!, 6, 'en')).toBe('ideal 36, had 5, 6 on the way; got 24 = 4 packs of 6: proportional share 25.5 rounded to packs');
    expect(allocationWhyText(result.stores.find((s) => s.storeId === 'E')!, 6, 'zh-CN')).toBe('要货 12，现有 0；配 0 = 0 箱 × 6：优先级 3 之前已配完');
  });

  it('explains a store served in full without the stock the rules did not weigh', () => {
    const full = allocationInFull({ storeId: 'A', priority: 2, asked: 20 }, 6);
    expect(full).toMatchObject({ packs: 4, quantity: 24, why: { need: 20, maxPacks: 4, outcome: 'full', onHand: null, inTransit: null } });
    expect(allocationWhyText(full, 6, 'en')).toBe('asked 20; got 24 = 4 packs of 6: its need in full');
    expect(allocationWhyText(full, 6, 'zh-CN')).toBe('要货 20；配 24 = 4 箱 × 6：按需配足');
  });

  it('explains a share the way the office shows it', () => {
    // 20 on hand: 3 packs of 6, 2 units stay. X needs 22 (asked 24, ideal 30, had 8), Y 13.
    // X: 3 × 22 / 35 = 1.89 packs = 11.3 units; Y: 3 × 13 / 35 = 1.11. Floors 1 and 1; the last
    // pack to X's larger remainder.
    const result = allocateProduct({ productId: 'p2', available: 20, packSize: 6, claims: [claim('X', 1, 24, { ideal: 30, onHand: 8 }), claim('Y', 1, 13)] });
    const [x, y] = result.stores;
    expect([x!.quantity, y!.quantity, result.allocated]).toEqual([12, 6, 18]);
    expect(allocationWhyText(x!, 6, 'en')).toBe('asked 24, ideal 30, had 8; got 12 = 2 packs of 6: proportional share 11.3 rounded to packs');
    expect(allocationWhyText(x!, 6, 'zh-CN')).toBe('要货 24，理想库存 30，现有 8；配 12 = 2 箱 × 6：按需求比例应得 11.3，按整箱取整');
  });

  it('sends nothing when it holds nothing, or less than a pack', () => {
    for (const available of [0, 5]) {
      const result = allocateProduct({ productId: 'p3', available, packSize: 6, claims: [claim('A', 1, 12), claim('B', 2, 6)] });
      expect(result.allocated).toBe(0);
      expect(result.stores.map((s) => s.why.outcome)).toEqual(['none_left', 'none_left']);
    }
  });

  it('gives one store alone all the whole packs it may take, up to what it needs rounded up to a pack', () => {
    expect(got({ productId: 'p4', available: 100, packSize: 12, claims: [claim('A', 1, 150)] })).toEqual({ A: 96 });
    expect(got({ productId: 'p4', available: 100, packSize: 12, claims: [claim('A', 1, 30)] })).toEqual({ A: 36 });
    expect(got({ productId: 'p4', available: 100, packSize: 12, claims: [claim('A', 1, null, { ideal: 20, onHand: 25 })] })).toEqual({ A: 0 });
  });

  it('breaks an even tie to the larger need, then to the smaller store id, whatever order the claims come in', () => {
    const claims = [claim('S2', 1, 6), claim('S1', 1, 6), claim('S3', 1, 12)];
    // 2 packs for 24 needed: S3 has 1.0 pack exactly, S1 and S2 0.5 each: the last to S1.
    expect(got({ productId: 'p5', available: 12, packSize: 6, claims })).toEqual({ S1: 6, S2: 0, S3: 6 });
  });

  it('refuses input it cannot allocate, saying what is wrong', () => {
    expect(() => allocateProduct({ productId: 'p6', available: 10, packSize: 0, claims: [] })).toThrow(AllocationInputError);
    expect(() => allocateProduct({ productId: 'p6', available: -1, packSize: 1, claims: [] })).toThrow(/available/);
    expect(() => allocateProduct({ productId: 'p6', available: 1, packSize: 1, claims: [claim('A', 1, 1), claim('A', 1, 2)] })).toThrow(/claims twice/);
    expect(() => allocateProduct({ productId: 'p6', available: 1, packSize: 1, claims: [claim('A', 1, null)] })).toThrow(/neither asked/);
    expect(() => allocateProduct({ productId: 'p6', available: 1, packSize: 1, claims: [claim('A', 0, 1)] })).toThrow(/priority/);
  });
});

describe('a manager’s changes before shipping', () => {
  const result = allocateProduct({ productId: 'p7', available: 40, packSize: 6, claims: [claim('A', 1, 24), claim('B', 1, 24)] });
  const allocation = { available: result.available, packSize: result.packSize, storeIds: result.stores.map((s) => s.storeId) };

  it('lets whole packs within what is on hand ship, and says what else is wrong', () => {
    expect(checkAdjustedAllocation(allocation, new Map([['A', 12], ['B', 24]]))).toEqual([]);
    expect(checkAdjustedAllocation(allocation, new Map([['A', 7], ['B', -6], ['Z', 6]])).map((p) => [p.storeId, p.code])).toEqual([
      ['A', 'NOT_WHOLE_PACKS'], ['B', 'NEGATIVE'], ['Z', 'UNKNOWN_STORE'],
    ]);
    expect(checkAdjustedAllocation(allocation, new Map([['A', 24], ['B', 24]])).map((p) => p.code)).toEqual(['MORE_THAN_AVAILABLE']);
  });
});

const arbitraryClaims = fc.uniqueArray(
  fc.record({
    storeId: fc.integer({ min: 1, max: 999 }).map((n) => `S${String(n).padStart(3, '0')}`),
    priority: fc.integer({ min: 1, max: 3 }),
    asked: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    ideal: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    onHand: fc.integer({ min: -20, max: 150 }),
    inTransit: fc.integer({ min: 0, max: 60 }),
  }).filter((c) => c.asked !== null || c.ideal !== null),
  { selector: (c) => c.storeId, maxLength: 30 },
);
const arbitraryInput = fc.record({ productId: fc.constant('p'), available: fc.integer({ min: 0, max: 3000 }), packSize: fc.integer({ min: 1, max: 24 }), claims: arbitraryClaims });

describe('allocation, for any stock and claims', () => {
  it('never sends more than is on hand, nor a store more than it may take, and only whole packs', () => {
    fc.assert(fc.property(arbitraryInput, (input) => {
      const result = allocateProduct(input);
      expect(result.allocated).toBeLessThanOrEqual(input.available);
      expect(result.allocated).toBe(result.stores.reduce((sum, s) => sum + s.quantity, 0));
      for (const s of result.stores) {
        expect(s.quantity).toBe(s.packs * input.packSize);
        expect(s.packs).toBeGreaterThanOrEqual(0);
        expect(s.packs).toBeLessThanOrEqual(s.why.maxPacks);
      }
    }), { numRuns: 2000 });
  });

  it('leaves no whole pack behind while a store could still take one, and serves a later priority only once earlier ones are full', () => {
    fc.assert(fc.property(arbitraryInput, (input) => {
      const result = allocateProduct(input);
      const packs = result.stores.reduce((sum, s) => sum + s.packs, 0);
      const wanted = result.stores.reduce((sum, s) => sum + s.why.maxPacks, 0);
      expect(packs).toBe(Math.min(Math.floor(input.available / input.packSize), wanted));
      for (const later of result.stores.filter((s) => s.packs > 0)) {
        for (const earlier of result.stores.filter((s) => s.why.priority < later.why.priority)) expect(earlier.packs).toBe(earlier.why.maxPacks);
      }
    }), { numRuns: 2000 });
  });

  it('gives the same allocation for the same claims in any order', () => {
    fc.assert(fc.property(arbitraryInput, fc.func(fc.integer()), (input, key) => {
      const shuffled = { ...input, claims: [...input.claims].sort((a, b) => key(a.storeId) - key(b.storeId)) };
      expect(allocateProduct(shuffled)).toEqual(allocateProduct(input));
    }), { numRuns: 1000 });
  });

  it('shares a short priority in proportion to need: no store more than a pack from its exact share, unless its share reached all it may take', () => {
    fc.assert(fc.property(arbitraryInput, (input) => {
      const result = allocateProduct(input);
      const short = result.stores.filter((s) => s.why.outcome === 'proportional');
      for (const s of short) expect(Math.abs(s.quantity - s.why.shareUnits!)).toBeLessThan(input.packSize);
    }), { numRuns: 2000 });
  });

  it('serves every ask in full when the packs asked fit in what is held, as the shortcut says, whatever stock the stores hold', () => {
    fc.assert(fc.property(arbitraryInput, fc.integer({ min: 0, max: 40 }), (input, spare) => {
      const asking = input.claims.filter((c) => c.asked !== null).map((c) => ({ ...c, asked: c.asked! }));
      const packsAsked = asking.reduce((sum, c) => sum + Math.ceil(c.asked / input.packSize), 0);
      const available = packsAsked * input.packSize + spare;
      expect(servesEveryAskInFull(available, input.packSize, packsAsked)).toBe(true);
      const result = allocateProduct({ ...input, available, claims: asking });
      for (const s of result.stores) {
        expect(s.packs).toBe(s.why.maxPacks);
        const claim = asking.find((c) => c.storeId === s.storeId)!;
        if (claim.ideal === null) expect(allocationInFull(claim, input.packSize)).toEqual({ ...s, why: { ...s.why, onHand: null, inTransit: null } });
      }
      if (packsAsked > 0) expect(servesEveryAskInFull(available - spare - input.packSize, input.packSize, packsAsked)).toBe(false);
    }), { numRuns: 2000 });
  });
});
