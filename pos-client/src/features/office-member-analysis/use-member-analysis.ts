import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AnalysedMemberList, MemberAnalysis, MemberCampaignResult, StoredValueFloat, uuidv7 } from '@pos/shared';
import { useState } from 'react';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { localDate } from '../office-core/local-date';
import { useOfficeContext } from '../office-core/office-context';
import { saveFile } from '../office-core/save-file';
import { useDebounced } from '../office-core/use-debounced';
import {
  analysisQuery, emptyFilter, filterQuery, lastDays, queryString, startQuestion, thresholdProblem, type AnalysisQuestion, type ListFilter, type ListSort, type RangePreset,
} from './member-analysis-params';

const PAGE_SIZE = 20;

/**
 * The member analysis screen's state and data: the question (period, store, level, thresholds;
 * thresholds being typed wait 400 ms), HQ's analysis of it, a page of the members the list's
 * filter keeps, the stored value owed, the export of the filtered list, and HQ's message to it.
 */
export function useMemberAnalysis(today: Date) {
  const { http, permissions, user } = useOfficeContext();
  const [question, setQuestion] = useState<AnalysisQuestion>(() => startQuestion(localDate(today)));
  const [filter, setFilterState] = useState<ListFilter>(emptyFilter);
  const [sort, setSortState] = useState<ListSort>({ sort: 'spend', order: 'desc' });
  const [page, setPage] = useState(1);
  const settled = useDebounced(question, 400);
  const problem = thresholdProblem(settled);
  const asked = analysisQuery(settled);

  const analysis = useQuery({
    queryKey: ['reports', 'member-analysis', asked],
    queryFn: () => unwrap(http({ method: 'GET', path: `/reports/member-analysis?${queryString(asked)}`, schema: MemberAnalysis })),
    placeholderData: keepPreviousData,
    enabled: problem === null,
  });
  const listQuery = { ...asked, ...filterQuery(filter), ...sort };
  const members = useQuery({
    queryKey: ['reports', 'member-analysis', 'members', listQuery, page],
    queryFn: () => unwrap(http({
      method: 'GET', path: `/reports/member-analysis/members?${queryString({ ...listQuery, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`, schema: AnalysedMemberList,
    })),
    placeholderData: keepPreviousData,
    enabled: problem === null,
  });
  const float = useQuery({
    queryKey: ['reports', 'stored-value-float'],
    queryFn: () => unwrap(http({ method: 'GET', path: '/reports/stored-value-float', schema: StoredValueFloat })),
  });
  const exporting = useMutation({
    mutationFn: async ({ format, language }: { format: 'xlsx' | 'csv'; language: 'zh' | 'en' }) => {
      const blob = await unwrap(http({ method: 'POST', path: '/reports/member-analysis/export', body: { query: listQuery, format, language }, schema: z.instanceof(Blob), as: 'blob' }));
      saveFile(blob, `members_${settled.from}_${settled.to}.${format}`);
    },
  });

  // A campaign's id is made when its dialog opens, so sending it again (a retry, a second click) queues nothing twice.
  const campaign = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      unwrap(http({ method: 'POST', path: '/reports/member-analysis/messages', body: { id, query: listQuery, text }, schema: MemberCampaignResult })),
  });

  const ask = (change: Partial<AnalysisQuestion>) => {
    setQuestion((q) => ({ ...q, ...change }));
    setPage(1);
  };
  return {
    question, problem, analysis, members, float, exporting, filter, sort, page, pageSize: PAGE_SIZE,
    ask,
    preset: (days: RangePreset) => ask(lastDays(localDate(today), days)),
    setFilter: (change: Partial<ListFilter>) => {
      setFilterState((f) => ({ ...f, ...change }));
      setPage(1);
    },
    /** Shows only these members in the list, the other filters cleared: a class or a lifecycle state picked from the summaries. */
    showOnly: (change: Partial<ListFilter>) => {
      setFilterState({ ...emptyFilter, ...change });
      setPage(1);
    },
    setSort: (next: ListSort) => {
      setSortState(next);
      setPage(1);
    },
    setPage,
    mayExport: permissions.reports.member_analysis.export,
    exportAs: (format: 'xlsx' | 'csv', language: 'zh' | 'en') => exporting.mutate({ format, language }),
    mayMessage: user.role === 'hq_admin' && permissions.modules.members === 'edit',
    campaign,
    newCampaignId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))),
  };
}
