import { useEffect, useMemo, useState } from 'react';
import type { Category, MemberLevel, Store } from '@pos/shared';
import { fetchCategories } from '../features/office-core/category-tree';
import type { OfficeHttp } from '../features/office-core/office-http';
import { officeHash } from '../features/office-core/office-route';
import { fetchScopeStores } from '../features/office-core/scope-stores';
import { listMemberLevels } from '../features/office-pricing/price-api';
import { usePromotionEditor, type EditorTarget } from '../features/office-promotions/use-promotion-editor';
import { useI18n } from '../i18n/i18n-context';
import { BasketPreviewCard } from './basket-preview-card';
import { PromotionCommonFields } from './promotion-common-fields';
import { PromotionFormProvider } from './promotion-fields/promotion-form-context';
import { PromotionKindForm } from './promotion-kind-form';

export function PromotionEditorScreen({ http, target }: { http: OfficeHttp; target: EditorTarget }) {
  const { t, errorText } = useI18n();
  const editor = usePromotionEditor(http, target);
  const [stores, setStores] = useState<Store[]>([]);
  const [levels, setLevels] = useState<MemberLevel[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [names] = useState(() => new Map<string, string>());

  useEffect(() => {
    void fetchScopeStores(http).then((r) => r.ok && setStores(r.value));
    void listMemberLevels(http).then((r) => r.ok && setLevels(r.value));
    void fetchCategories(http).then((r) => r.ok && setCategories(r.value));
  }, [http]);

  const context = useMemo(
    () => ({ http, stores, levels, categories, problems: editor.problems, showProblems: editor.showProblems, names }),
    [http, stores, levels, categories, editor.problems, editor.showProblems, names],
  );
  const { draft, saved } = editor;
  if (editor.loadError) return <section className="office-page"><div className="office-notice office-notice-error">{errorText(editor.loadError)}</div></section>;
  if (!draft) return <section className="office-page"><p className="office-empty">{t('office.loading')}</p></section>;
  return (
    <PromotionFormProvider value={context}>
      <section className="office-page">
        <header className="office-page-header">
          <div>
            <a className="office-link" href={officeHash('promotions')}>← {t('office.promo.backToList')}</a>
            <h1>{draft.name || t(editor.isNew ? 'office.promo.newTitle' : 'office.promo.editTitle')}</h1>
            <p>{t(`office.promo.kind.${draft.kind}`)} · <span className={`office-badge office-badge-${editor.status}`}>{t(`office.promo.status.${editor.status}`)}</span></p>
          </div>
          <div className="office-inline">
            <button type="button" className="office-button" disabled={editor.busy} onClick={() => void editor.save('draft')}>{t('office.promo.saveDraft')}</button>
            <button type="button" className="office-button office-button-primary" disabled={editor.busy} onClick={() => void editor.save('active')}>{t('office.promo.saveActive')}</button>
          </div>
        </header>
        {editor.showProblems && editor.problems.length > 0 && <div className="office-notice office-notice-error" role="alert">{t('office.promo.fixProblems', { count: editor.problems.length })}</div>}
        {saved.kind === 'saved' && <div className="office-notice office-notice-ok">{t(saved.status === 'active' ? 'office.promo.savedActive' : 'office.promo.savedDraft')}</div>}
        {saved.kind === 'failed' && <div className="office-notice office-notice-error">{errorText(saved.code)}</div>}
        <div className="office-two-columns office-editor">
          <div className="office-stack">
            <div className="office-card office-form">
              <h2>{t(`office.promo.kind.${draft.kind}`)}</h2>
              <p className="office-muted">{t(`office.promo.kindHint.${draft.kind}`)}</p>
              <PromotionKindForm rule={draft} onChange={editor.change} />
            </div>
            <div className="office-card office-form">
              <h2>{t('office.promo.whenWhere')}</h2>
              <PromotionCommonFields rule={draft} onChange={editor.change} />
            </div>
          </div>
          <BasketPreviewCard http={http} draft={draft} draftValid={editor.problems.length === 0} />
        </div>
      </section>
    </PromotionFormProvider>
  );
}
