import { useMemo, useState } from 'react';
import { uuidv7, type PromotionRule, type PromotionStatus, type RuleKind } from '@pos/shared';
import { usePromotion, useSavePromotion } from './promotion-api';
import { newRule } from './rule-defaults';
import { ruleProblems } from './rule-problems';

export type EditorTarget = { kind: 'new'; ruleKind: RuleKind } | { kind: 'edit'; id: string };

const newId = () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));

/** A promotion being written: the draft rule, what is wrong with it, and saving it as a draft or active. */
export function usePromotionEditor(target: EditorTarget) {
  const [created] = useState<PromotionRule | null>(() => (target.kind === 'new' ? newRule(target.ruleKind, newId()) : null));
  const loaded = usePromotion(target.kind === 'edit' ? target.id : null);
  const [edited, setEdited] = useState<PromotionRule | null>(null);
  const save = useSavePromotion();
  const [showProblems, setShowProblems] = useState(false);
  // Once saved, the promotion exists at HQ: later saves replace it, with the status HQ answered.
  const [savedStatus, setSavedStatus] = useState<PromotionStatus | null>(null);

  const draft = edited ?? loaded.data?.rule ?? created;
  const isNew = target.kind === 'new' && savedStatus === null;
  const status: PromotionStatus = savedStatus ?? loaded.data?.status ?? 'draft';
  const problems = useMemo(() => (draft ? ruleProblems(draft) : []), [draft]);

  return {
    draft,
    change: (next: PromotionRule) => {
      setEdited(next);
      save.reset();
    },
    status,
    problems,
    showProblems,
    save: (nextStatus: Exclude<PromotionStatus, 'archived'>) => {
      setShowProblems(true);
      if (draft && problems.length === 0) save.mutate({ body: { status: nextStatus, rule: draft }, isNew }, { onSuccess: (saved) => setSavedStatus(saved.status) });
    },
    saving: save,
    loading: loaded,
    isNew,
  };
}
