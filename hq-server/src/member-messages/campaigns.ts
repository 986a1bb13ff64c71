import { memberMessageText, type MemberCampaign, type MemberCampaignResult, type MemberMessageFacts } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { OfficePrincipal } from '../http/app-env';
import { newId, type Clock } from '../ids';
import { analysedMembersToExport } from '../reports/member-analysis.service';
import { loadMemberMessageSettings } from './message-settings.service';

/**
 * Queues HQ's campaign text (群发) to every analysed member the campaign's filters keep, read as the
 * member analysis reads them (from the reports database, which may be a replica). Each member is
 * checked again on the primary as the message is queued: active, consented, with a mobile number.
 * One message per member and campaign (`campaign:<id>:<member>` as the dedupe key), so the same
 * campaign sent again, or retried after a lost answer, queues nothing twice. The sender is kept in
 * the message's facts.
 */
export async function sendMemberCampaign(
  deps: { db: Db; reportsDb: Db; clock: Clock }, principal: OfficePrincipal, campaign: MemberCampaign,
): Promise<MemberCampaignResult> {
  const [listed, settings] = await Promise.all([
    analysedMembersToExport(deps.reportsDb, principal, campaign.query),
    loadMemberMessageSettings(deps.db, principal.chainId),
  ]);
  const facts: MemberMessageFacts = { kind: 'campaign', campaignId: campaign.id, text: campaign.text, sentBy: principal.userId };
  const text = memberMessageText(settings.signature, facts);
  const memberIds = listed.map((m) => m.memberId);
  const now = deps.clock();
  const [counts] = memberIds.length === 0 ? [{ reachable: 0, queued: 0 }] : await query<{ reachable: number; queued: number }>(deps.db, sql`
    with reachable as (
      select m.id, m.phone, t.message_id from unnest(${uuidArray(memberIds)}::uuid[], ${uuidArray(memberIds.map(() => newId(deps.clock)))}::uuid[]) as t(member_id, message_id)
      join members m on m.chain_id = ${principal.chainId} and m.id = t.member_id
      where m.active and m.consent_to_messages and m.phone is not null and m.phone <> ''
    ),
    queued as (
      insert into member_messages (chain_id, id, member_id, kind, phone, text, facts, dedupe_key, next_attempt_at, created_at)
      select ${principal.chainId}, r.message_id, r.id, 'campaign', r.phone, ${text}, ${JSON.stringify(facts)}::jsonb,
             'campaign:' || ${campaign.id} || ':' || r.id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from reachable r order by r.id
      on conflict (chain_id, dedupe_key) do nothing
      returning 1
    )
    select (select count(*) from reachable)::int as reachable, (select count(*) from queued)::int as queued`);
  const { reachable, queued } = counts!;
  return { id: campaign.id, members: listed.length, queued, alreadyQueued: reachable - queued, unreachable: listed.length - reachable, text };
}
