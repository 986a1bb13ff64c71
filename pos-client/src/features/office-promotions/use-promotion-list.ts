import { useCallback, useEffect, useState } from 'react';
import type { PromotionList, PromotionState } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { archivePromotion, listPromotions } from './promotion-api';

export type ListTab = 'running' | 'scheduled' | 'ended' | 'draft';

/** Which states each tab of the list shows; a paused promotion is shown with the drafts, as both are not selling. */
export const tabStates: Record<ListTab, readonly PromotionState[]> = {
  running: ['running'],
  scheduled: ['scheduled'],
  ended: ['ended'],
  draft: ['draft', 'paused'],
};

export function usePromotionList(http: OfficeHttp) {
  const [list, setList] = useState<PromotionList | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [tab, setTab] = useState<ListTab>('running');

  const load = useCallback(async () => {
    const result = await listPromotions(http);
    if (result.ok) {
      setList(result.value);
      setErrorCode(null);
    } else setErrorCode(failureCode(result.failure));
  }, [http]);

  useEffect(() => {
    void load();
  }, [load]);

  async function archive(id: string) {
    const result = await archivePromotion(http, id);
    if (!result.ok) setErrorCode(failureCode(result.failure));
    await load();
  }

  const count = (t: ListTab) => list?.items.filter((p) => tabStates[t].includes(p.state)).length ?? 0;
  const counts: Record<ListTab, number> = { running: count('running'), scheduled: count('scheduled'), ended: count('ended'), draft: count('draft') };
  const shown = list?.items.filter((p) => tabStates[tab].includes(p.state)) ?? null;
  return { tab, setTab, counts, shown, errorCode, archive };
}
