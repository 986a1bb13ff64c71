import { useEffect, useMemo, useState } from 'react';
import { uuidv7, type PromotionRule, type PromotionStatus, type RuleKind } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { getPromotion, savePromotion } from './promotion-api';
import { newRule } from './rule-defaults';
import { ruleProblems } from './rule-problems';

export type EditorTarget = { kind: 'new'; ruleKind: RuleKind } | { kind: 'edit'; id: string };
type Saved = { kind: 'idle' } | { kind: 'saved'; status: PromotionStatus } | { kind: 'failed'; code: string };

const newId = () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));

/** A promotion being written: the draft rule, what is wrong with it, and saving it as a draft or active. */
export function usePromotionEditor(http: OfficeHttp, target: EditorTarget) {
  const [draft, setDraft] = useState<PromotionRule | null>(() => (target.kind === 'new' ? newRule(target.ruleKind, newId()) : null));
  const [status, setStatus] = useState<PromotionStatus>('draft');
  const [isNew, setIsNew] = useState(target.kind === 'new');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const editId = target.kind === 'edit' ? target.id : null;

  useEffect(() => {
    if (!editId) return;
    void getPromotion(http, editId).then((result) => {
      if (!result.ok) return setLoadError(failureCode(result.failure));
      setDraft(result.value.rule);
      setStatus(result.value.status);
    });
  }, [http, editId]);

  const problems = useMemo(() => (draft ? ruleProblems(draft) : []), [draft]);

  function change(next: PromotionRule) {
    setDraft(next);
    setSaved({ kind: 'idle' });
  }

  async function save(nextStatus: Exclude<PromotionStatus, 'archived'>) {
    setShowProblems(true);
    if (!draft || problems.length > 0) return;
    setBusy(true);
    const result = await savePromotion(http, { status: nextStatus, rule: draft }, isNew);
    setBusy(false);
    if (!result.ok) return setSaved({ kind: 'failed', code: failureCode(result.failure) });
    setIsNew(false);
    setStatus(result.value.status);
    setSaved({ kind: 'saved', status: result.value.status });
  }

  return { draft, change, status, problems, showProblems, save, saved, busy, loadError, isNew };
}
