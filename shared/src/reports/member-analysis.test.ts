import { describe, expect, it } from 'vitest';
import { analyseMembers, defaultClassThresholds, defaultLifecycleThresholds, lifecycleOf, quintileScores, rfmScores, summariseAnalysis, valueClasses, type MemberActivity } from './member-analysis';
import { filterAnalysed, sortAnalysed } from './member-list';

const spending = (spends: Record<string, number>) => Object.entries(spends).map(([memberId, spendMinor]) => ({ memberId, spendMinor }));
const classesOf = (spends: Record<string, number>, thresholds = defaultClassThresholds) => Object.fromEntries(valueClasses(spending(spends), thresholds));

describe('value classes (A/B/C)', () => {
  it('gives A to the first 80% of the spend, B up to 95%, C the rest, and no class without spend', () => {
    // 10.00 in all: after m1 and m2 exactly 8.00 (80%) is reached, so m3 starts B; after m4 9.50 (95%), so m5 starts C.
    expect(classesOf({ m1: 500, m2: 300, m3: 100, m4: 50, m5: 30, m6: 20, m7: 0, m8: -40 }))
      .toEqual({ m1: 'A', m2: 'A', m3: 'B', m4: 'B', m5: 'C', m6: 'C' });
  });

  it('makes the member who crosses a threshold part of the class below it', () => {
    // 70% before m2, 90% after: m2 crosses 80% and is A; m3 starts at 90% and is B.
    expect(classesOf({ m1: 700, m2: 200, m3: 100 })).toEqual({ m1: 'A', m2: 'A', m3: 'B' });
    // One member with everything is A.
    expect(classesOf({ only: 1 })).toEqual({ only: 'A' });
  });

  it('breaks equal spends by member id, whatever order they come in', () => {
    // 6.00, then two at 2.00: the first of them starts at 60% (A), the second at 80% (B).
    expect(classesOf({ x: 600, b: 200, a: 200 })).toEqual({ x: 'A', a: 'A', b: 'B' });
    expect(classesOf({ a: 200, b: 200, x: 600 })).toEqual({ x: 'A', a: 'A', b: 'B' });
  });

  it('takes other thresholds', () => {
    expect(classesOf({ m1: 500, m2: 300, m3: 100, m4: 100 }, { classAUpToBp: 5_000, classBUpToBp: 9_000 })).toEqual({ m1: 'A', m2: 'B', m3: 'B', m4: 'C' });
  });

  it('stays exact where the sums pass what a double holds to the fen', () => {
    const big = 3_000_000_000_000_001; // 30 trillion yuan and a fen each: their sum is odd and past 2^53, so a double would round it
    expect(classesOf({ a: big, b: big, c: big, d: big, e: big })).toEqual({ a: 'A', b: 'A', c: 'A', d: 'A', e: 'B' });
  });
});

describe('RFM scores', () => {
  it('scores fifths by the members strictly below, so equal values share a score', () => {
    // Six at 1 ticket have none below (1); two at 2 have six of ten below (1 + ⌊30/10⌋ = 4); 3 and 5 have eight and nine below (5).
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 5])).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(quintileScores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
    expect(quintileScores([3, 1, 3])).toEqual([2, 1, 2]);
    expect(quintileScores([])).toEqual([]);
  });

  it('scores only the members who bought in the period: later, more often and more is better', () => {
    const members: MemberActivity[] = [
      { memberId: 'a', tickets: 4, spendMinor: 9_000, firstPurchase: '2026-01-05', lastPurchase: '2026-11-28' },
      { memberId: 'b', tickets: 1, spendMinor: 1_000, firstPurchase: '2026-11-02', lastPurchase: '2026-11-02' },
      { memberId: 'c', tickets: 2, spendMinor: 3_000, firstPurchase: '2025-03-01', lastPurchase: '2026-11-15' },
      { memberId: 'd', tickets: 0, spendMinor: 0, firstPurchase: '2025-03-01', lastPurchase: '2025-06-01' },
    ];
    expect(Object.fromEntries(rfmScores(members))).toEqual({
      a: { recency: 4, frequency: 4, monetary: 4 },
      b: { recency: 1, frequency: 1, monetary: 1 },
      c: { recency: 2, frequency: 2, monetary: 2 },
    });
  });
});

describe('lifecycle', () => {
  const on = '2026-11-30';
  const state = (firstPurchase: string | null, lastPurchase: string | null, thresholds = defaultLifecycleThresholds) => lifecycleOf({ firstPurchase, lastPurchase }, on, thresholds);

  it('is new while the first purchase is under 30 days old, then active', () => {
    expect(state('2026-11-01', '2026-11-20')).toBe('new'); // 29 days
    expect(state('2026-10-31', '2026-11-20')).toBe('active'); // 30 days
    expect(state(null, null)).toBe('never');
  });

  it('is lapsing after three whole months without a purchase and lost after six', () => {
    expect(state('2025-01-01', '2026-09-01')).toBe('active'); // two months and 29 days
    expect(state('2025-01-01', '2026-08-31')).toBe('lapsing'); // 31 August + 3 months is 30 November
    expect(state('2025-01-01', '2026-06-01')).toBe('lapsing');
    expect(state('2025-01-01', '2026-05-31')).toBe('lost');
  });

  it('puts lapsing before new when the thresholds overlap', () => {
    expect(state('2026-08-15', '2026-08-20', { newDays: 120, lapsingMonths: 3, lostMonths: 6 })).toBe('lapsing');
    expect(state('2026-08-15', '2026-09-20', { newDays: 120, lapsingMonths: 3, lostMonths: 6 })).toBe('new');
  });
});

describe('the summary', () => {
  // November 2026: five members bought, one returned all they bought, one bought only before, one never.
  const members: MemberActivity[] = [
    { memberId: 'm1', tickets: 5, spendMinor: 60_000, firstPurchase: '2025-02-01', lastPurchase: '2026-11-29' },
    { memberId: 'm2', tickets: 3, spendMinor: 25_000, firstPurchase: '2025-06-01', lastPurchase: '2026-11-20' },
    { memberId: 'm3', tickets: 2, spendMinor: 10_000, firstPurchase: '2026-11-10', lastPurchase: '2026-11-25' },
    { memberId: 'm4', tickets: 1, spendMinor: 5_000, firstPurchase: '2026-03-01', lastPurchase: '2026-11-02' },
    { memberId: 'm5', tickets: 1, spendMinor: 0, firstPurchase: '2026-11-05', lastPurchase: '2026-11-05' },
    { memberId: 'm6', tickets: 0, spendMinor: 0, firstPurchase: '2025-01-01', lastPurchase: '2026-07-15' },
    { memberId: 'm7', tickets: 0, spendMinor: 0, firstPurchase: null, lastPurchase: null },
  ];
  const analysed = analyseMembers(members, '2026-11-30', { ...defaultClassThresholds, ...defaultLifecycleThresholds });

  it('adds the classes up to the members with spend, with shares that add up to 10000', () => {
    // 1,000.00 in all: m1 600.00 (A, from 0%), m2 250.00 (A, from 60%), m3 100.00 (B, from 85%), m4 50.00 (C, from 95%).
    expect(analysed.map((m) => m.valueClass)).toEqual(['A', 'A', 'B', 'C', null, null, null]);
    const summary = summariseAnalysis(analysed);
    expect(summary.classes).toEqual([
      { valueClass: 'A', members: 2, tickets: 8, spendMinor: 85_000, spendShareBp: 8_500, memberShareBp: 5_000 },
      { valueClass: 'B', members: 1, tickets: 2, spendMinor: 10_000, spendShareBp: 1_000, memberShareBp: 2_500 },
      { valueClass: 'C', members: 1, tickets: 1, spendMinor: 5_000, spendShareBp: 500, memberShareBp: 2_500 },
    ]);
    expect(summary.classified).toEqual({ members: 4, tickets: 11, spendMinor: 100_000 });
    expect(summary.members).toBe(7);
  });

  it('scores the five who bought and counts every lifecycle state', () => {
    const summary = summariseAnalysis(analysed);
    // Recency: m4 (2 Nov) 1, m5 (5 Nov) 2, m2 (20 Nov) 3, m3 (25 Nov) 4, m1 (29 Nov) 5.
    expect(analysed.map((m) => m.rfm?.recency ?? null)).toEqual([5, 3, 4, 1, 2, null, null]);
    // Frequency: m4 and m5 at one ticket share 1; m3 (2) has two below, 3; m2 (3) 4; m1 (5) 5. Monetary: m5's nothing 1, then 2 to 5.
    expect(analysed.map((m) => m.rfm?.frequency ?? null)).toEqual([5, 4, 3, 1, 1, null, null]);
    expect(analysed.map((m) => m.rfm?.monetary ?? null)).toEqual([5, 4, 3, 2, 1, null, null]);
    expect(summary.rfm.members).toBe(5);
    expect(summary.rfm.frequency).toEqual([{ score: 1, members: 2 }, { score: 2, members: 0 }, { score: 3, members: 1 }, { score: 4, members: 1 }, { score: 5, members: 1 }]);
    // m3 and m5 first bought this month; m6's last purchase, 15 July, is four whole months back.
    expect(summary.lifecycle).toEqual([
      { state: 'new', members: 2 }, { state: 'active', members: 3 }, { state: 'lapsing', members: 1 }, { state: 'lost', members: 0 }, { state: 'never', members: 1 },
    ]);
  });

  it('gives shares of zero when nobody spent', () => {
    const nobody = summariseAnalysis(analyseMembers([members[6]!], '2026-11-30', { ...defaultClassThresholds, ...defaultLifecycleThresholds }));
    expect(nobody.classes.map((c) => [c.spendShareBp, c.memberShareBp])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('lists by class, lifecycle and scores, in a stable order', () => {
    expect(filterAnalysed(analysed, { valueClass: ['A', 'none'] }).map((m) => m.memberId)).toEqual(['m1', 'm2', 'm5', 'm6', 'm7']);
    expect(filterAnalysed(analysed, { lifecycle: ['new'], monetary: [1, 2] }).map((m) => m.memberId)).toEqual(['m5']);
    expect(filterAnalysed(analysed, { recency: [5] }).map((m) => m.memberId)).toEqual(['m1']);
    expect(sortAnalysed(analysed, 'spend', 'desc').map((m) => m.memberId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(sortAnalysed(analysed, 'lastPurchase', 'asc').map((m) => m.memberId)).toEqual(['m7', 'm6', 'm4', 'm5', 'm2', 'm3', 'm1']);
  });
});
