import type { AssortmentMode } from '@pos/shared';
import { useOfficeHttp } from '../features/office-core/office-context';
import { useAssortmentEditor } from '../features/office-settings/use-assortment-editor';
import { useI18n } from '../i18n/i18n-context';
import { AssortmentProductAdder } from './assortment-product-adder';
import { AssortmentProductTable } from './assortment-product-table';

const modes: AssortmentMode[] = ['all_except', 'listed'];

/** 门店经营范围: what one store carries, the products it lists or leaves out, and a way back to the whole catalog. */
export function AssortmentScreen() {
  const http = useOfficeHttp();
  const { t, errorText, pickName } = useI18n();
  const editor = useAssortmentEditor(http);
  const { draft, notice, reach } = editor;
  const store = editor.stores.find((s) => s.id === editor.storeId);
  const storeLabel = store ? `${store.code} · ${pickName(store)}` : '';

  function chooseStore(id: string) {
    if (!editor.changed || window.confirm(t('office.assortment.confirmLeave', { store: storeLabel }))) editor.chooseStore(id);
  }

  function reset() {
    if (window.confirm(t('office.assortment.confirmReset', { store: storeLabel }))) void editor.reset();
  }

  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.nav.settings')}</h1>
          <p>{t('office.assortment.hint')}</p>
        </div>
        <div className="office-inline">
          <button type="button" className="office-button office-button-danger" disabled={!draft || editor.busy || (reach === 'everything' && !editor.changed)} onClick={reset}>
            {t('office.assortment.reset')}
          </button>
          <button type="button" className="office-button office-button-primary" disabled={!editor.changed || editor.busy} onClick={() => void editor.save()}>
            {t('office.assortment.save')}
          </button>
        </div>
      </header>
      <div className="office-filters">
        <label className="office-field">
          <span>{t('office.assortment.store')}</span>
          <select value={editor.storeId} disabled={editor.stores.length === 0 || editor.busy} onChange={(e) => chooseStore(e.target.value)}>
            {editor.stores.map((s) => <option key={s.id} value={s.id}>{s.code} · {pickName(s)}</option>)}
          </select>
        </label>
        {reach && editor.saved && (
          <span className={`office-badge office-badge-reach-${reach}`} data-testid="assortment-reach">
            {t(`office.assortment.reach.${reach}`, { count: editor.saved.productIds.length })}
          </span>
        )}
        {editor.changed && <span className="office-badge office-badge-draft">{t('office.assortment.unsaved')}</span>}
      </div>
      {notice.kind === 'saved' && <div className="office-notice office-notice-ok" role="status">{t('office.assortment.saved')}</div>}
      {notice.kind === 'reset' && <div className="office-notice office-notice-ok" role="status">{t('office.assortment.resetDone')}</div>}
      {notice.kind === 'failed' && <div className="office-notice office-notice-error" role="alert">{errorText(notice.code)}</div>}
      {!draft && notice.kind !== 'failed' && <p className="office-empty">{t('office.loading')}</p>}
      {draft && (
        <div className="office-two-columns office-two-columns-wide">
          <div className="office-card office-form">
            <div className="office-field">
              <span>{t('office.assortment.mode')}</span>
              <div className="office-segmented" role="group" aria-label={t('office.assortment.mode')}>
                {modes.map((mode) => (
                  <button key={mode} type="button" aria-pressed={draft.mode === mode} onClick={() => editor.setMode(mode)}>
                    {t(`office.assortment.mode.${mode}`)}
                  </button>
                ))}
              </div>
            </div>
            {draft.productIds.length === 0 && (
              <div className={draft.mode === 'listed' ? 'office-notice office-notice-warn' : 'office-notice office-notice-ok'}>
                {t(draft.mode === 'listed' ? 'office.assortment.listedEmpty' : 'office.assortment.exceptEmpty')}
              </div>
            )}
            <AssortmentProductTable editor={editor} mode={draft.mode} total={draft.productIds.length} />
          </div>
          <AssortmentProductAdder http={http} mode={draft.mode} listed={draft.productIds} onAdd={editor.add} />
        </div>
      )}
    </section>
  );
}
