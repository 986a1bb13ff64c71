import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { checkTillShortcuts, defaultTillShortcuts, TillShortcuts, type ShortcutProblem, type TillAction } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

export const tillShortcutsKey = ['settings', 'till-shortcuts'] as const;
const path = '/settings/till-shortcuts';

/**
 * The chain's till shortcuts being edited: loaded from HQ, checked with the shared rules as each
 * key is pressed (a key given twice, or one the scan field needs, shows on its row at once), and
 * saved whole only when nothing is wrong.
 */
export function useTillShortcutsEditor() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const load = useQuery({ queryKey: tillShortcutsKey, queryFn: () => unwrap(http({ method: 'GET', path, schema: TillShortcuts })) });
  const [edited, setEdited] = useState<TillShortcuts | null>(null);
  const save = useMutation({
    mutationFn: (body: TillShortcuts) => unwrap(http({ method: 'PUT', path, schema: TillShortcuts, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(tillShortcutsKey, saved);
      setEdited(null);
    },
  });

  const values = edited ?? load.data ?? null;
  const problems = values ? checkTillShortcuts(values) : [];
  const change = (next: TillShortcuts) => {
    setEdited(next);
    save.reset();
  };
  return {
    load,
    save,
    values,
    problems,
    problemOf: (action: TillAction): ShortcutProblem | undefined => problems.find((p) => p.action === action),
    /** Whether what is shown differs from what HQ holds. */
    changed: values !== null && load.data !== undefined && JSON.stringify(values) !== JSON.stringify(load.data),
    setKey: (action: TillAction, combo: string) => {
      if (values) change({ ...values, [action]: combo });
    },
    resetToDefaults: () => change({ ...defaultTillShortcuts }),
    submit: () => {
      if (values && problems.length === 0) save.mutate(values);
    },
  };
}
