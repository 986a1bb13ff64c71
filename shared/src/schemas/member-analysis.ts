import { z } from 'zod';
import { StoredCardNo } from './card-no';
import { IsoDateTime, LocalDate, SafeText } from './common';
import { CAMPAIGN_TEXT_MAX } from './member-messages';
import { MemberLevelRef } from './members';
import { pageOf } from './paging';
import { ReportDate } from './reports';

/** A member's value class (A/B/C, the few who bring most of the spend first). */
export const ValueClass = z.enum(['A', 'B', 'C']);
export type ValueClass = z.infer<typeof ValueClass>;

/** Where a member stands (会员生命周期) on the last day of the period. */
export const MemberLifecycle = z.enum(['new', 'active', 'lapsing', 'lost', 'never']);
export type MemberLifecycle = z.infer<typeof MemberLifecycle>;

const Score = z.number().int().min(1).max(5);

/** Recency, frequency and monetary scores, 5 the best fifth of the members who bought in the period. */
export const RfmScores = z.object({ recency: Score, frequency: Score, monetary: Score });
export type RfmScores = z.infer<typeof RfmScores>;

function addYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

/**
 * The thresholds: where class A and B end (share of the spend, in basis points) and when a member
 * is new, lapsing and lost. Numbers as a query string gives them (`coerce`) or as JSON does.
 */
const thresholdFields = (coerce: boolean) => {
  const whole = (min: number, max: number, fallback: number) => (coerce ? z.coerce.number() : z.number()).int().min(min).max(max).default(fallback);
  return {
    classAUpToBp: whole(100, 9_900, 8_000),
    classBUpToBp: whole(200, 10_000, 9_500),
    newDays: whole(1, 365, 30),
    lapsingMonths: whole(1, 36, 3),
    lostMonths: whole(2, 60, 6),
  };
};

/** The question every member-analysis read shares: the period, the stores (one, a region's, a franchisee's; always within the caller's) and the member level. */
const analysisQuestion = {
  from: ReportDate,
  to: ReportDate,
  storeId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  franchiseeId: z.uuid().optional(),
  levelId: z.uuid().optional(),
};

const checked = <T extends z.ZodType<{ from: string; to: string; classAUpToBp: number; classBUpToBp: number; lapsingMonths: number; lostMonths: number }>>(schema: T) => schema
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => q.from >= addYears(q.to, -3), { message: 'a range covers at most three years', path: ['from'] })
  .refine((q) => q.classAUpToBp < q.classBUpToBp, { message: 'class A must end before class B', path: ['classBUpToBp'] })
  .refine((q) => q.lapsingMonths < q.lostMonths, { message: 'a member is lapsing before they are lost', path: ['lostMonths'] });

export const MemberAnalysisQuery = checked(z.object({ ...analysisQuestion, ...thresholdFields(true) }));
export type MemberAnalysisQuery = z.infer<typeof MemberAnalysisQuery>;

/** Several values of a filter, comma-separated (`valueClass=A,B`). */
const commaList = <T extends string>(values: z.ZodEnum<{ [K in T]: K }>) =>
  z.string().max(100).transform((text) => text.split(',').filter(Boolean)).pipe(z.array(values).max(10));
const scoreList = commaList(z.enum(['1', '2', '3', '4', '5'])).transform((scores) => scores.map(Number));

/** Which members of the analysis to list: by class (`none`: no spend in the period), lifecycle and RFM scores. */
const listFilters = {
  valueClass: commaList(z.enum(['A', 'B', 'C', 'none'])).optional(),
  lifecycle: commaList(MemberLifecycle).optional(),
  recency: scoreList.optional(),
  frequency: scoreList.optional(),
  monetary: scoreList.optional(),
  sort: z.enum(['spend', 'tickets', 'lastPurchase']).default('spend'),
  order: z.enum(['asc', 'desc']).default('desc'),
};

export const AnalysedMemberQuery = checked(z.object({
  ...analysisQuestion,
  ...thresholdFields(true),
  ...listFilters,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}));
export type AnalysedMemberQuery = z.infer<typeof AnalysedMemberQuery>;

/** The filtered list to export (all of it, not a page), and the file wanted. */
export const AnalysedMemberExport = z.object({
  query: checked(z.object({ ...analysisQuestion, ...thresholdFields(false), ...listFilters })),
  format: z.enum(['xlsx', 'csv']),
  language: z.enum(['zh', 'en']).default('zh'),
});
export type AnalysedMemberExport = z.infer<typeof AnalysedMemberExport>;

/**
 * A message HQ writes to every analysed member the filters keep (群发): `id` is made by the office,
 * so the same campaign sent again queues nothing twice. The text goes out between the chain's
 * 【signature】 and the opt-out, to members who consented and have a mobile number.
 */
export const MemberCampaign = z.object({
  id: z.uuid(),
  query: checked(z.object({ ...analysisQuestion, ...thresholdFields(false), ...listFilters })),
  text: SafeText.trim().min(2, 'at least 2 characters').max(CAMPAIGN_TEXT_MAX, `at most ${CAMPAIGN_TEXT_MAX} characters`)
    .refine((text) => !/[【】]/.test(text), 'the 【signature】 is added by HQ'),
});
export type MemberCampaign = z.infer<typeof MemberCampaign>;

export const MemberCampaignResult = z.object({
  id: z.uuid(),
  /** The members the filters keep. */
  members: z.number().int().min(0),
  /** Queued by this request. */
  queued: z.number().int().min(0),
  /** Queued by an earlier request of this campaign. */
  alreadyQueued: z.number().int().min(0),
  /** Not written to: no consent, no mobile number, or no longer active. */
  unreachable: z.number().int().min(0),
  /** The text as a member receives it. */
  text: z.string(),
});
export type MemberCampaignResult = z.infer<typeof MemberCampaignResult>;

export const ValueClassFigures = z.object({
  valueClass: ValueClass,
  members: z.number().int(),
  tickets: z.number().int(),
  spendMinor: z.number().int(),
  /** Of the classified members' spend and count, in basis points; the three add up to 10000 (0 when nobody spent). */
  spendShareBp: z.number().int(),
  memberShareBp: z.number().int(),
});
export type ValueClassFigures = z.infer<typeof ValueClassFigures>;

const ScoreCount = z.object({ score: Score, members: z.number().int() });

/**
 * Member analysis (会员分析) of the members in view over a period: value classes over the members
 * whose spend in it (sales less what returns in it took back) is above zero, RFM scores of those
 * who bought in it, and where every member stands on its last day. Outside the whole chain, the
 * members in view are those who bought in the stores in view by then, so none has never bought.
 */
export const MemberAnalysis = z.object({
  from: LocalDate,
  to: LocalDate,
  wholeChain: z.boolean(),
  members: z.number().int(),
  classes: z.array(ValueClassFigures),
  /** What the classes add up to: the members with spend in the period and their spend. */
  classified: z.object({ members: z.number().int(), tickets: z.number().int(), spendMinor: z.number().int() }),
  rfm: z.object({ members: z.number().int(), recency: z.array(ScoreCount), frequency: z.array(ScoreCount), monetary: z.array(ScoreCount) }),
  lifecycle: z.array(z.object({ state: MemberLifecycle, members: z.number().int() })),
});
export type MemberAnalysis = z.infer<typeof MemberAnalysis>;

/** A member as the analysis sees them; the phone masked (138****5678) as every office list shows it. */
export const AnalysedMember = z.object({
  memberId: z.uuid(),
  cardNo: StoredCardNo.nullable(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  consentToMessages: z.boolean(),
  level: MemberLevelRef,
  spendMinor: z.number().int(),
  tickets: z.number().int(),
  firstPurchase: LocalDate.nullable(),
  lastPurchase: LocalDate.nullable(),
  valueClass: ValueClass.nullable(),
  rfm: RfmScores.nullable(),
  lifecycle: MemberLifecycle,
});
export type AnalysedMember = z.infer<typeof AnalysedMember>;

export const AnalysedMemberList = pageOf(AnalysedMember);
export type AnalysedMemberList = z.infer<typeof AnalysedMemberList>;

const FloatFigures = z.object({
  /** Stored value owed, bonus money (赠送金额) included. */
  balanceMinor: z.number().int(),
  bonusMinor: z.number().int(),
  /** The members' own money: balance less bonus. */
  ownMinor: z.number().int(),
});

/**
 * Stored value the chain owes its members (储值余额) now, by the franchisee each ledger entry names
 * (the franchisee of the store it was made in, when it was made; null for directly operated stores
 * and HQ's own entries). A part is what was taken in at those stores less what was paid out or
 * spent there, so it can be below zero; the parts add up to the total.
 */
export const StoredValueFloat = z.object({
  asOf: IsoDateTime,
  parts: z.array(FloatFigures.extend({ franchiseeId: z.uuid().nullable(), code: z.string().nullable(), name: z.string().nullable() })),
  total: FloatFigures,
});
export type StoredValueFloat = z.infer<typeof StoredValueFloat>;
