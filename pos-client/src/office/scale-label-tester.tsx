import { useState } from 'react';
import type { ScaleBarcodeLayout } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { readTestLabel } from '../features/office-settings/test-label';
import { useI18n } from '../i18n/i18n-context';

/** Type a label's 13 digits and see what a till would read with the layouts as they stand, saved or not. */
export function ScaleLabelTester({ layouts }: { layouts: ScaleBarcodeLayout[] }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const reading = code ? readTestLabel(code, layouts) : null;
  return (
    <div className="office-card office-form office-preview">
      <div>
        <h2>{t('office.settings.test.title')}</h2>
        <p className="office-muted">{t('office.settings.test.hint')}</p>
      </div>
      <label className="office-field">
        <span>{t('office.settings.test.code')}</span>
        <input className="num" inputMode="numeric" maxLength={13} value={code} placeholder="2210001012348" onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
      </label>
      <div aria-live="polite" data-testid="label-reading">
        {reading?.kind === 'incomplete' && <p className="office-muted">{t('office.settings.test.incomplete')}</p>}
        {reading?.kind === 'noLayout' && <div className="office-notice office-notice-warn">{t('office.settings.test.noLayout')}</div>}
        {reading?.kind === 'badCheckDigit' && <div className="office-notice office-notice-error">{t('office.settings.test.badCheckDigit', { digit: reading.expected })}</div>}
        {reading?.kind === 'badPriceCheck' && <div className="office-notice office-notice-error">{t('office.settings.test.badPriceCheck')}</div>}
        {reading?.kind === 'read' && (
          <div className="office-notice office-notice-ok">
            <p>{t('office.settings.test.read', { n: reading.place, pattern: layouts[reading.place - 1]?.pattern ?? '' })}</p>
            <dl className="office-reading">
              <dt>{t('office.settings.test.itemCode')}</dt>
              <dd className="num">{reading.label.itemCode}</dd>
              {reading.label.flag !== null && (
                <>
                  <dt>{t('office.settings.test.flag')}</dt>
                  <dd className="num">{reading.label.flag}</dd>
                </>
              )}
              <dt>{t(`office.settings.test.${reading.label.value}`)}</dt>
              <dd className="num">
                {reading.label.value === 'price'
                  ? formatMoneyText(reading.label.amount)
                  : t('office.settings.test.grams', { grams: reading.label.amount, kg: (reading.label.amount / 1000).toFixed(3) })}
              </dd>
            </dl>
          </div>
        )}
      </div>
    </div>
  );
}
