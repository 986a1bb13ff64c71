import {
  analyseMembers, filterAnalysed, sortAnalysed, summariseAnalysis, type AnalysedActivity, type AnalysedMember, type AnalysedMemberExport,
  type AnalysedMemberList, type AnalysedMemberQuery, type MemberAnalysis, type MemberAnalysisQuery,
} from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { memberActivity, memberFaces, type ActivityView, type MemberFace } from './member-activity.repo';

/**
 * Whose purchases a caller's analysis counts. A member is the chain's and may shop anywhere in it;
 * their spending happened in stores. HQ asking for the whole chain sees every active member (those
 * who never bought too); anyone else, or HQ narrowed to a store, region or franchisee, sees the
 * members who bought in those stores, by what they bought there.
 */
async function viewOf(db: Db, principal: Principal, q: MemberAnalysisQuery): Promise<ActivityView> {
  const { chainId } = principal;
  const narrowed = Boolean(q.storeId || q.regionId || q.franchiseeId);
  if (principal.kind === 'office' && principal.role === 'hq_admin' && !narrowed) return { chainId, storeIds: null, levelId: q.levelId };
  const visible = await storesInScope(db, principal);
  if (q.storeId && !visible.some((s) => s.id === q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  if (!narrowed || visible.length === 0) return { chainId, storeIds: visible.map((s) => s.id), levelId: q.levelId };
  const rows = await query<{ id: string }>(db, sql`
    select id from stores where chain_id = ${chainId} and id = any(${uuidArray(visible.map((s) => s.id))}::uuid[])
      ${q.regionId ? sql`and region_id in (
        with recursive below(id) as (
          select id from regions where chain_id = ${chainId} and id = ${q.regionId}
          union select r.id from regions r join below on r.parent_id = below.id where r.chain_id = ${chainId}
        ) select id from below)` : sql``}
      ${q.franchiseeId ? sql`and franchisee_id = ${q.franchiseeId}` : sql``}
      ${q.storeId ? sql`and id = ${q.storeId}` : sql``}`);
  return { chainId, storeIds: rows.map((r) => r.id), levelId: q.levelId };
}

async function analysed(db: Db, principal: Principal, q: MemberAnalysisQuery, faces = false) {
  const view = await viewOf(db, principal, q);
  const activity = view.storeIds?.length === 0 ? [] : await memberActivity(db, view, q, faces);
  return { view, members: analyseMembers(activity, q.to, q), faces: new Map(activity.flatMap((a) => (a.face ? [[a.memberId, a.face] as const] : []))) };
}

/** Member analysis (会员分析): value classes, RFM spread and lifecycle states of the members in view, over the period. */
export async function memberAnalysis(db: Db, principal: Principal, q: MemberAnalysisQuery): Promise<MemberAnalysis> {
  const { view, members } = await analysed(db, principal, q);
  return { from: q.from, to: q.to, wholeChain: view.storeIds === null, ...summariseAnalysis(members) };
}

const toAnalysedMember = (m: AnalysedActivity, face: MemberFace): AnalysedMember => ({
  memberId: face.memberId, cardNo: face.cardNo, name: face.name, phoneMasked: face.phoneMasked, consentToMessages: face.consentToMessages, level: face.level,
  spendMinor: m.spendMinor, tickets: m.tickets, firstPurchase: m.firstPurchase, lastPurchase: m.lastPurchase, valueClass: m.valueClass, rfm: m.rfm, lifecycle: m.lifecycle,
});

/** A page of the analysed members the filters keep, biggest spend first unless asked otherwise. */
export async function analysedMemberPage(db: Db, principal: Principal, q: AnalysedMemberQuery): Promise<AnalysedMemberList> {
  const { members } = await analysed(db, principal, q);
  const kept = sortAnalysed(filterAnalysed(members, q), q.sort, q.order);
  const page = kept.slice(q.offset, q.offset + q.limit);
  const faces = await memberFaces(db, principal.chainId, page.map((m) => m.memberId));
  return { items: page.map((m) => toAnalysedMember(m, faces.get(m.memberId)!)), total: kept.length };
}

/** Every analysed member the filters keep, for an export: their faces come with their figures, in the same statement. */
export async function analysedMembersToExport(db: Db, principal: Principal, q: AnalysedMemberExport['query']): Promise<AnalysedMember[]> {
  const { members, faces } = await analysed(db, principal, q, true);
  return sortAnalysed(filterAnalysed(members, q), q.sort, q.order).map((m) => toAnalysedMember(m, faces.get(m.memberId)!));
}
