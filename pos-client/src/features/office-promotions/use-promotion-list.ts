import { useState } from 'react';
import type { PromotionState } from '@pos/shared';
import { useArchivePromotion, usePromotionList as usePromotions } from './promotion-api';

export type ListTab = 'running' | 'scheduled' | 'ended' | 'draft';

/** Which states each tab of the list shows; a paused promotion is shown with the drafts, as both are not selling. */
export const tabStates: Record<ListTab, readonly PromotionState[]> = {
  running: ['running'],
  scheduled: ['scheduled'],
  ended: ['ended'],
  draft: ['draft', 'paused'],
};

/** The chain's promotions by tab, with how many each tab holds, and deleting one. */
export function usePromotionList() {
  const list = usePromotions();
  const archive = useArchivePromotion();
  const [tab, setTab] = useState<ListTab>('running');
  const inTab = (t: ListTab) => list.data?.items.filter((p) => tabStates[t].includes(p.state)) ?? [];
  const counts: Record<ListTab, number> = { running: inTab('running').length, scheduled: inTab('scheduled').length, ended: inTab('ended').length, draft: inTab('draft').length };
  return { list, tab, setTab, counts, shown: inTab(tab), archive };
}
