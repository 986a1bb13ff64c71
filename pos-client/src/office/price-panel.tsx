import { useState } from 'react';
import type { PriceKind } from '@pos/shared';
import type { PriceFormValues } from '../features/office-pricing/price-form';
import type { usePriceEditor } from '../features/office-pricing/use-price-editor';
import { useI18n } from '../i18n/i18n-context';
import { PriceEntryList } from './price-entry-list';

type Values = Omit<PriceFormValues, 'productId'>;
const blank: Values = { kind: 'retail', storeId: '', memberLevelId: '', amount: '', when: 'now', effectiveAt: '' };

export function PricePanel({ editor }: { editor: ReturnType<typeof usePriceEditor> }) {
  const { t, errorText, pickName } = useI18n();
  const [values, setValues] = useState<Values>(blank);
  const { selected, formErrors, saved } = editor;
  if (!selected) return <div className="office-card office-placeholder">{t('office.prices.pick')}</div>;
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <div className="office-card office-form">
      <div>
        <h2>{pickName(selected.product)}</h2>
        <p className="office-muted">
          {selected.product.sku} · {selected.barcodes.join(', ')}
          {selected.product.weighed && ` · ${t('office.prices.perKg')}`}
        </p>
      </div>
      <PriceEntryList entries={selected.prices} stores={editor.stores} levels={editor.levels} onCancel={(id) => void editor.cancel(id)} />
      <h2>{t('office.prices.setTitle')}</h2>
      <div className="office-form-row">
        <label className="office-field">
          <span>{t('office.prices.kind')}</span>
          <select value={values.kind} onChange={(e) => set({ kind: e.target.value as PriceKind })}>
            {(['retail', 'member', 'wholesale'] as const).map((k) => <option key={k} value={k}>{t(`office.prices.kind.${k}`)}</option>)}
          </select>
        </label>
        <label className="office-field office-field-grow">
          <span>{t('office.prices.scope')}</span>
          <select value={values.storeId} onChange={(e) => set({ storeId: e.target.value })}>
            <option value="">{t('office.prices.chain')}</option>
            {editor.stores.map((s) => <option key={s.id} value={s.id}>{s.code} · {pickName(s)}</option>)}
          </select>
        </label>
      </div>
      {values.kind === 'member' && (
        <label className="office-field">
          <span>{t('office.prices.level')}</span>
          <select value={values.memberLevelId} onChange={(e) => set({ memberLevelId: e.target.value })}>
            <option value="">{t('office.prices.allLevels')}</option>
            {editor.levels.map((l) => <option key={l.id} value={l.id}>{pickName(l)}</option>)}
          </select>
        </label>
      )}
      <div className="office-form-row">
        <label className={formErrors.amount ? 'office-field office-field-invalid' : 'office-field'}>
          <span>{t('office.prices.amount')}</span>
          <input inputMode="decimal" value={values.amount} placeholder="12.90" onChange={(e) => set({ amount: e.target.value })} />
          {formErrors.amount && <span className="office-field-error">{t('office.prices.amountInvalid')}</span>}
        </label>
        <label className="office-field">
          <span>{t('office.prices.when')}</span>
          <select value={values.when} onChange={(e) => set({ when: e.target.value === 'scheduled' ? 'scheduled' : 'now' })}>
            <option value="now">{t('office.prices.now')}</option>
            <option value="scheduled">{t('office.prices.onDate')}</option>
          </select>
        </label>
        {values.when === 'scheduled' && (
          <label className={formErrors.effectiveAt ? 'office-field office-field-invalid' : 'office-field'}>
            <span>{t('office.prices.effectiveAt')}</span>
            <input type="datetime-local" value={values.effectiveAt} onChange={(e) => set({ effectiveAt: e.target.value })} />
            {formErrors.effectiveAt && <span className="office-field-error">{t(formErrors.effectiveAt === 'past' ? 'office.prices.past' : 'office.prices.dateRequired')}</span>}
          </label>
        )}
      </div>
      {saved.kind === 'saved' && <div className="office-notice office-notice-ok">{t('office.prices.saved')}</div>}
      {saved.kind === 'failed' && <div className="office-notice office-notice-error">{errorText(saved.code)}</div>}
      <button type="button" className="office-button office-button-primary" disabled={editor.busy} onClick={() => void editor.submit(values)}>
        {values.when === 'now' ? t('office.prices.saveNow') : t('office.prices.schedule')}
      </button>
    </div>
  );
}
