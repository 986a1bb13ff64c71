import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { PricingSettings } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { pricingSettingsKey, refusedSettings } from './pricing-settings-api';
import { readSettingsForm } from './settings-form';

/**
 * The chain's cash rounding and scale layouts being edited: loaded from HQ, checked with the
 * shared schema as they change, and saved whole (HQ takes them all or none). Problems show once
 * a save was tried, not while a new layout is still being typed; HQ's own refusals show the same way.
 */
export function usePricingSettings() {
  const http = useOfficeHttp();
  const queryClient = useQueryClient();
  const load = useQuery({ queryKey: pricingSettingsKey, queryFn: () => unwrap(http({ method: 'GET', path: '/settings/pricing', schema: PricingSettings })) });
  const [edited, setEdited] = useState<PricingSettings | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const save = useMutation({
    mutationFn: (body: PricingSettings) => unwrap(http({ method: 'PUT', path: '/settings/pricing', schema: PricingSettings, body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(pricingSettingsKey, settings);
      setEdited(null);
      setShowProblems(false);
    },
  });

  const values = edited ?? load.data ?? null;
  const form = useMemo(() => (values ? readSettingsForm(values) : null), [values]);
  const refused = save.variables ? refusedSettings(save.error, save.variables) : [];
  const problems = !showProblems || !form ? [] : form.ok ? refused : form.problems;

  return {
    load,
    values,
    problems,
    save,
    change: (next: PricingSettings) => {
      setEdited(next);
      save.reset();
    },
    submit: () => {
      setShowProblems(true);
      if (form?.ok) save.mutate(form.body);
    },
    /** A failure HQ gave without naming a field. */
    saveError: refused.length > 0 ? null : save.error,
  };
}
