import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FranchiseStatement, FranchiseStatementList, type StatementLineBody } from '@pos/shared';
import { z } from 'zod';
import { saveFile } from '../office-core/save-file';
import { unwrap } from '../office-core/hq-query';
import { useOfficeContext } from '../office-core/office-context';
import { useServerTable } from '../office-core/use-server-table';

const key = ['franchise-statements'] as const;

/** The statements the user sees, a page at a time, the latest period first (HQ: of one franchisee, or all). */
export function useStatementList(franchiseeId: string | null) {
  return useServerTable({ queryKey: [...key, 'page'], path: '/franchise-statements', schema: FranchiseStatementList, filters: franchiseeId ? { franchiseeId } : {} });
}

/** One statement: a draft as worked out now, or an approved one as fixed. */
export function useStatement(id: string | null) {
  const { http } = useOfficeContext();
  return useQuery({
    queryKey: [...key, id],
    queryFn: () => unwrap(http({ method: 'GET', path: `/franchise-statements/${id}`, schema: FranchiseStatement })),
    enabled: id !== null,
  });
}

/** What a draft for the franchisee and period would be now (HQ), asked for only when both are chosen. */
export function useStatementPreview(franchiseeId: string | null, period: string | null) {
  const { http } = useOfficeContext();
  return useQuery({
    queryKey: [...key, 'preview', franchiseeId, period],
    queryFn: () => unwrap(http({ method: 'GET', path: `/franchise-statements/preview?franchiseeId=${franchiseeId}&period=${period}`, schema: FranchiseStatement })),
    enabled: franchiseeId !== null && period !== null,
  });
}

/**
 * HQ's work on statements and everyone's export: each change answers the statement as it now is,
 * which goes straight into the cache, and the list is asked for again.
 */
export function useStatementActions() {
  const { http, permissions } = useOfficeContext();
  const client = useQueryClient();
  const settle = async (statement: FranchiseStatement) => {
    client.setQueryData([...key, statement.id], statement);
    await client.invalidateQueries({ queryKey: [...key, 'page'] });
    return statement;
  };
  const call = (method: 'POST' | 'DELETE', path: string, body?: unknown) => unwrap(http({ method, path, body, schema: FranchiseStatement })).then(settle);
  return {
    draft: useMutation({ mutationFn: (input: { franchiseeId: string; period: string }) => call('POST', '/franchise-statements', input) }),
    addLine: useMutation({ mutationFn: ({ id, line }: { id: string; line: StatementLineBody }) => call('POST', `/franchise-statements/${id}/lines`, line) }),
    removeLine: useMutation({ mutationFn: ({ id, lineId }: { id: string; lineId: string }) => call('DELETE', `/franchise-statements/${id}/lines/${lineId}`) }),
    approve: useMutation({ mutationFn: (id: string) => call('POST', `/franchise-statements/${id}/approve`, {}) }),
    remove: useMutation({
      mutationFn: async (id: string) => {
        await unwrap(http({ method: 'DELETE', path: `/franchise-statements/${id}`, schema: z.unknown() }));
        client.removeQueries({ queryKey: [...key, id] });
        await client.invalidateQueries({ queryKey: [...key, 'page'] });
      },
    }),
    exportFile: useMutation({
      mutationFn: async ({ statement, format, language }: { statement: FranchiseStatement; format: 'xlsx' | 'csv'; language: 'zh' | 'en' }) => {
        const blob = await unwrap(http({ method: 'POST', path: `/franchise-statements/${statement.id}/export`, body: { format, language }, schema: z.instanceof(Blob), as: 'blob' }));
        saveFile(blob, `statement-${statement.no}-${statement.franchisee.code}-${statement.period.key}.${format}`);
      },
    }),
    mayExport: permissions.reports.franchise_statement.export,
  };
}
