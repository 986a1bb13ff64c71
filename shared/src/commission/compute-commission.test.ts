import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import type { CommissionPlan, CommissionRate, CommissionRule } from '../schemas/commission';
import { beneficiaryKey, computeCommission, type CommissionInput, type CommissionReturnLine, type CommissionSaleLine, type LineCommission } from './compute-commission';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const COUNTER = '00000000-0000-4000-8000-0000000000c1';
const PRODUCT = '00000000-0000-4000-8000-0000000000f1';
const CATEGORY = '00000000-0000-4000-8000-0000000000e1';

function rule(id: string, rate: CommissionRate, fields: Partial<CommissionRule> = {}): CommissionRule {
  return { id, productId: null, categoryId: null, brandId: null, supplierId: null, grade: null, mode: 'personal', rate, ...fields };
}

function plan(rules: CommissionRule[], fields: Partial<CommissionPlan> = {}): CommissionPlan {
  return {
    id: 'plan-1', name: 'Plan', validFrom: '2026-01-01', validTo: null,
    exclusions: { gifts: true, discounted: false, staffTags: ['staff'] }, poolShare: 'hours', gradeWeights: {},
    rules, ...fields,
  };
}

let serial = 0;
function line(fields: Partial<CommissionSaleLine> & Pick<CommissionSaleLine, 'netMinor'>): CommissionSaleLine {
  serial += 1;
  const id = String(serial).padStart(4, '0');
  return {
    saleId: `sale-${id}`, lineId: `line-${id}`, lineNo: 1, businessDate: '2026-11-10', completedAt: `2026-11-10T10:${String(serial % 60).padStart(2, '0')}:00.000Z`,
    subject: { productId: PRODUCT, categoryIds: [CATEGORY], brandId: null, supplierId: null },
    quantity: 1, unitCostMinor: null, gift: false, discounted: false, memberTags: [], poolId: COUNTER,
    shares: [{ clerkId: A, shareBp: 10_000 }], ...fields,
  };
}

function input(fields: Partial<CommissionInput> & Pick<CommissionInput, 'lines'>): CommissionInput {
  return { plans: [plan([rule('r1', { kind: 'percent', basis: 'net', bp: 300 })])], grades: new Map(), returns: [], targets: { clerks: new Map(), pools: new Map() }, duty: [], ...fields };
}

/** What each beneficiary is paid: its lines, less what returns took back (pools before division). */
function paid(outcome: ReturnType<typeof computeCommission>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const p of [...outcome.lines, ...outcome.clawbacks]) totals[beneficiaryKey(p.beneficiary)] = (totals[beneficiaryKey(p.beneficiary)] ?? 0) + p.amountMinor;
  return totals;
}

const amounts = (lines: readonly LineCommission[]) => lines.map((l) => l.amountMinor);

describe('computeCommission, worked by hand', () => {
  it('splits a two-clerk line 60/40: the net by largest remainder, then 3% of each share', () => {
    // ¥99.99 over 60/40: 59.994 and 39.996 → ¥59.99 and ¥40.00; 3% → ¥1.7997 → ¥1.80 and ¥1.20.
    const out = computeCommission(input({ lines: [line({ netMinor: 9999, shares: [{ clerkId: A, shareBp: 6000 }, { clerkId: B, shareBp: 4000 }] })] }));
    expect(out.lines.map((l) => [l.clerkId, l.netMinor, l.amountMinor])).toEqual([[A, 5999, 180], [B, 4000, 120]]);
    expect(out.lines[0]!.why).toMatchObject({ ruleId: 'r1', ruleNo: 1, matchedOn: [] });
  });

  it('divides a pooled counter by the hours each clerk was on duty that day', () => {
    // 2% of ¥100.00 + ¥250.00 + ¥150.50 = ¥2.00 + ¥5.00 + ¥3.01 = ¥10.01 for the counter's pool.
    // 8 h, 4 h and 5 h of 17: 471.06, 235.53, 294.41 fen → 471, 235, 294 and the last fen to the largest remainder (B).
    const pooled = plan([rule('pool', { kind: 'percent', basis: 'net', bp: 200 }, { mode: 'pooled' })], { poolShare: 'hours' });
    const out = computeCommission(input({
      plans: [pooled],
      lines: [line({ netMinor: 10_000 }), line({ netMinor: 25_000, shares: [{ clerkId: B, shareBp: 10_000 }] }), line({ netMinor: 15_050, shares: [] })],
      duty: [
        { poolId: COUNTER, clerkId: A, date: '2026-11-10', minutes: 480 },
        { poolId: COUNTER, clerkId: B, date: '2026-11-10', minutes: 240 },
        { poolId: COUNTER, clerkId: C, date: '2026-11-10', minutes: 300 },
      ],
    }));
    expect(amounts(out.lines)).toEqual([200, 500, 301]);
    expect(out.lines.every((l) => l.beneficiary.kind === 'pool' && l.beneficiary.id === COUNTER)).toBe(true);
    expect(out.poolDays).toEqual([{
      poolId: COUNTER, date: '2026-11-10', amountMinor: 1001, rule: 'hours', unassignedMinor: 0,
      parts: [{ clerkId: A, weight: 480, amountMinor: 471 }, { clerkId: B, weight: 240, amountMinor: 236 }, { clerkId: C, weight: 300, amountMinor: 294 }],
    }]);
  });

  it('pays a sale that crosses the target at both rates: ¥1,000 below at 1%, ¥1,000 above at 2%', () => {
    const tiered: CommissionRate = { kind: 'tiered', basis: 'net', measure: 'clerk', apply: 'above', tiers: [{ fromTargetBp: 0, bp: 100 }, { fromTargetBp: 10_000, bp: 200 }] };
    const targets = { clerks: new Map([[A, 1_000_000]]), pools: new Map() };
    const lines = [line({ netMinor: 900_000 }), line({ netMinor: 200_000 })];
    const above = computeCommission(input({ plans: [plan([rule('t', tiered)])], targets, lines }));
    // ¥9,000 at 1% = ¥90; then ¥1,000 at 1% + ¥1,000 at 2% = ¥30.
    expect(amounts(above.lines)).toEqual([9000, 3000]);
    expect(above.lines[1]!.why).toMatchObject({ tiers: [{ bp: 100, baseMinor: 100_000 }, { bp: 200, baseMinor: 100_000 }] });
    expect(above.measures.clerks.get(A)).toBe(1_100_000);

    // Paid on the whole month at the tier reached: ¥11,000 is past the target, so 2% of all of it.
    const whole = computeCommission(input({ plans: [plan([rule('t', { ...tiered, apply: 'whole' })])], targets, lines }));
    expect(amounts(whole.lines)).toEqual([18_000, 4000]);
  });

  it('takes back a line returned next month from what its settled month paid, in proportion, and nothing more when it is all back', () => {
    // November paid 5% of ¥100.00 for 3 units: ¥5.00. December: 1 unit back takes ¥1.67, the other 2 take ¥3.33.
    const earlier = { quantity: 3, netMinor: 10_000, poolId: COUNTER, shares: [{ clerkId: A, shareBp: 10_000 }], returnedBefore: 0, paid: [{ beneficiary: { kind: 'clerk' as const, id: A }, amountMinor: 500 }], counted: true };
    const back = (id: string, quantity: number, at: string): CommissionReturnLine => ({
      returnId: `ret-${id}`, returnLineId: `rl-${id}`, businessDate: at.slice(0, 10), completedAt: at, saleLineId: 'nov-line', quantity, amountMinor: 3333 * quantity, earlier,
    });
    const out = computeCommission(input({ lines: [], returns: [back('1', 1, '2026-12-02T09:00:00.000Z'), back('2', 2, '2026-12-05T09:00:00.000Z')] }));
    expect(out.clawbacks.map((c) => [c.returnId, c.businessDate, c.amountMinor])).toEqual([['ret-1', '2026-12-02', -167], ['ret-2', '2026-12-05', -333]]);
    expect(out.measures.clerks.get(A)).toBe(-9999);
  });

  it('pays a late sale for a closed month from where that month ended: its last ¥500 below the target at 1%, the rest at 2%', () => {
    const tiered: CommissionRate = { kind: 'tiered', basis: 'net', measure: 'clerk', apply: 'above', tiers: [{ fromTargetBp: 0, bp: 100 }, { fromTargetBp: 10_000, bp: 200 }] };
    const out = computeCommission(input({
      plans: [plan([rule('t', tiered)])],
      targets: { clerks: new Map([[A, 1_000_000]]), pools: new Map() },
      startMeasures: { clerks: new Map([[A, 950_000]]), pools: new Map() },
      lines: [line({ netMinor: 100_000, businessDate: '2026-11-20' })],
    }));
    expect(amounts(out.lines)).toEqual([1500]);
  });

  it('takes a rate of margin with the cost of the day of sale, and pays nothing on a margin it cannot know', () => {
    // 10% of margin: 2 × ¥10.00 at a cost of ¥6.00 leaves ¥8.00 → ¥0.80; after the cost rose to ¥7.00, ¥6.00 → ¥0.60.
    const margin = plan([rule('m', { kind: 'percent', basis: 'margin', bp: 1000 })]);
    const out = computeCommission(input({
      plans: [margin],
      lines: [
        line({ netMinor: 2000, quantity: 2, unitCostMinor: 600, businessDate: '2026-11-10' }),
        line({ netMinor: 2000, quantity: 2, unitCostMinor: 700, businessDate: '2026-11-20' }),
        line({ netMinor: 2000, quantity: 2, unitCostMinor: 1200, businessDate: '2026-11-21' }),
        line({ netMinor: 2000, quantity: 2, unitCostMinor: null, businessDate: '2026-11-22' }),
      ],
    }));
    expect(out.lines.map((l) => [l.baseMinor, l.amountMinor])).toEqual([[800, 80], [600, 60], [0, 0], [0, 0]]);
    expect(out.lines[3]!.why).toMatchObject({ noCost: true });
  });

  it('lets the most specific rule win and says so, and pays nothing for gifts or staff', () => {
    const rules = [
      rule('all', { kind: 'percent', basis: 'net', bp: 100 }),
      rule('cat', { kind: 'percent', basis: 'net', bp: 200 }, { categoryId: CATEGORY }),
      rule('gold', { kind: 'percent', basis: 'net', bp: 300 }, { categoryId: CATEGORY, grade: 'gold' }),
      rule('unit', { kind: 'per_unit', amountMinor: minor(150) }, { productId: PRODUCT }),
    ];
    const other = { productId: 'other', categoryIds: ['sub', CATEGORY], brandId: null, supplierId: null };
    const out = computeCommission(input({
      plans: [plan(rules)],
      grades: new Map([[B, 'gold']]),
      lines: [
        line({ netMinor: 10_000, subject: other }),
        line({ netMinor: 10_000, subject: other, shares: [{ clerkId: B, shareBp: 10_000 }] }),
        line({ netMinor: 10_000, quantity: 4 }),
        line({ netMinor: 0, gift: true }),
        line({ netMinor: 10_000, memberTags: ['staff'] }),
        line({ netMinor: 10_000, subject: { ...other, categoryIds: [] } }),
      ],
    }));
    expect(out.lines.map((l) => [l.amountMinor, 'ruleId' in l.why ? l.why.ruleId : l.why.excluded])).toEqual([
      [200, 'cat'], [300, 'gold'], [600, 'unit'], [0, 'gift'], [0, 'staff'], [100, 'all'],
    ]);
    expect(out.lines[0]!.why).toMatchObject({ matchedOn: ['category'], categoryDistance: 1 });
    expect(out.lines[1]!.why).toMatchObject({ matchedOn: ['category', 'grade'] });
  });
});

const clerkIds = [A, B, C];

const saleArb = fc.record({
  netMinor: fc.integer({ min: 0, max: 500_000 }),
  quantity: fc.integer({ min: 1, max: 6 }),
  unitCostMinor: fc.option(fc.integer({ min: 0, max: 80_000 }), { nil: null }),
  gift: fc.boolean(),
  discounted: fc.boolean(),
  shares: fc.oneof(
    fc.constant([]),
    fc.constantFrom(...clerkIds).map((id) => [{ clerkId: id, shareBp: 10_000 }]),
    fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(...clerkIds)).map(([bp, id]) => [{ clerkId: id, shareBp: bp }, { clerkId: id === A ? B : A, shareBp: 10_000 - bp }]),
  ),
  pooled: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
  returned: fc.constantFrom('none', 'part', 'all'),
});

const rateArb: fc.Arbitrary<CommissionRate> = fc.oneof(
  fc.record({ kind: fc.constant('percent' as const), basis: fc.constantFrom('net' as const, 'margin' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('per_unit' as const), amountMinor: fc.integer({ min: 0, max: 5000 }).map(minor) }),
  fc.record({
    kind: fc.constant('tiered' as const), basis: fc.constantFrom('net' as const, 'margin' as const), measure: fc.constantFrom('clerk' as const, 'counter' as const),
    apply: fc.constantFrom('whole' as const, 'above' as const),
    tiers: fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 30_000 })).map(([low, high, at]) => [{ fromTargetBp: 0, bp: low }, { fromTargetBp: at, bp: high }]),
  }),
);

describe('computeCommission, for any sales and returns', () => {
  it('pays out to the fen what the lines earn, and a sale returned whole nets to nothing', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { minLength: 1, maxLength: 25 }), rateArb, fc.boolean(), fc.integer({ min: 0, max: 2_000_000 }), (sales, rate, pooledRule, target) => {
        const lines = sales.map((s, i) => line({
          ...s, saleId: `s${i}`, lineId: `l${i}`, businessDate: `2026-11-${String(s.day).padStart(2, '0')}`, completedAt: `2026-11-${String(s.day).padStart(2, '0')}T10:00:00.000Z`,
          poolId: s.pooled ? COUNTER : 'store',
        }));
        const returns: CommissionReturnLine[] = sales.flatMap((s, i) => {
          if (s.returned === 'none') return [];
          const at = `2026-11-${String(Math.min(28, s.day + 1)).padStart(2, '0')}T12:00:00.000Z`;
          const first = s.returned === 'all' ? s.quantity : Math.max(1, Math.floor(s.quantity / 2));
          const backs = [{ quantity: first, at }];
          if (s.returned === 'all' && s.quantity > 1) backs.splice(0, 1, { quantity: 1, at }, { quantity: s.quantity - 1, at: at.replace('12:00', '13:00') });
          return backs.map((b, k) => ({ returnId: `r${i}-${k}`, returnLineId: `rl${i}-${k}`, businessDate: b.at.slice(0, 10), completedAt: b.at, saleLineId: `l${i}`, quantity: b.quantity, amountMinor: Math.floor(s.netMinor * b.quantity / s.quantity), earlier: null }));
        });
        const run = input({
          plans: [plan([rule('r', rate, { mode: pooledRule ? 'pooled' : 'personal' })], { exclusions: { gifts: true, discounted: true, staffTags: [] } })],
          lines, returns,
          targets: { clerks: new Map(clerkIds.map((id) => [id, target])), pools: new Map([[COUNTER, target]]) },
          duty: [{ poolId: COUNTER, clerkId: A, date: '2026-11-05', minutes: 300 }, { poolId: COUNTER, clerkId: B, date: '2026-11-05', minutes: 200 }],
        });
        const out = computeCommission(run);

        const earned = [...out.lines, ...out.clawbacks].reduce((sum, p) => sum + p.amountMinor, 0);
        const byClerk = [...out.lines, ...out.clawbacks].filter((p) => p.beneficiary.kind === 'clerk').reduce((sum, p) => sum + p.amountMinor, 0);
        const byPools = out.poolDays.reduce((sum, d) => sum + d.parts.reduce((a, p) => a + p.amountMinor, 0) + d.unassignedMinor, 0);
        expect(byClerk + byPools).toBe(earned);
        expect(Object.values(paid(out)).reduce((a, b) => a + b, 0)).toBe(earned);
        for (const d of out.poolDays) expect(d.parts.reduce((a, p) => a + p.amountMinor, 0) + d.unassignedMinor).toBe(d.amountMinor);

        sales.forEach((s, i) => {
          if (s.returned !== 'all') return;
          const ofSale = [...out.lines.filter((l) => l.lineId === `l${i}`), ...out.clawbacks.filter((c) => c.saleLineId === `l${i}`)];
          expect(ofSale.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(0);
        });

        // The same figures whatever order the ledger gave the rows in.
        const again = computeCommission({ ...run, lines: [...run.lines].reverse(), returns: [...run.returns].reverse() });
        expect(paid(again)).toEqual(paid(out));
        expect(again.poolDays).toEqual(out.poolDays);
      }),
      { numRuns: 1000 },
    );
  });
});
