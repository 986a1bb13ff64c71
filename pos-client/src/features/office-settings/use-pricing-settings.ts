import { useEffect, useMemo, useState } from 'react';
import type { PricingSettings } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { getPricingSettings, savePricingSettings } from './pricing-settings-api';
import { readSettingsForm } from './settings-form';
import type { SettingsProblem } from './settings-problems';

type Saved = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; code: string };

/**
 * The chain's cash rounding and scale layouts being edited: loaded from HQ, checked with the
 * shared schema as they change, and saved whole. Problems show once a save was tried, not
 * while a new layout is still being typed; HQ's own refusals show the same way.
 */
export function usePricingSettings(http: OfficeHttp) {
  const [values, setValues] = useState<PricingSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const [refused, setRefused] = useState<SettingsProblem[]>([]);
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setLoadError(null);
    void getPricingSettings(http).then((result) => {
      if (!current) return;
      if (result.ok) setValues(result.value);
      else setLoadError(failureCode(result.failure));
    });
    return () => {
      current = false;
    };
  }, [http, revision]);

  const form = useMemo(() => (values ? readSettingsForm(values) : null), [values]);
  const problems = !showProblems || !form ? [] : form.ok ? refused : form.problems;

  function change(next: PricingSettings) {
    setValues(next);
    setRefused([]);
    setSaved({ kind: 'idle' });
  }

  async function save() {
    setShowProblems(true);
    if (!form?.ok) return;
    setBusy(true);
    const outcome = await savePricingSettings(http, form.body);
    setBusy(false);
    if (outcome.kind === 'saved') {
      setValues(outcome.settings);
      setShowProblems(false);
    }
    setRefused(outcome.kind === 'refused' ? outcome.problems : []);
    setSaved(outcome.kind === 'saved' ? { kind: 'saved' } : outcome.kind === 'failed' ? { kind: 'failed', code: outcome.code } : { kind: 'idle' });
  }

  return { values, change, problems, save, saved, busy, loadError, retry: () => setRevision((n) => n + 1) };
}
