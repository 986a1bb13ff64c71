import { officeHash } from '../features/office-core/office-route';
import { ruleKinds } from '../features/office-promotions/rule-defaults';
import { useI18n } from '../i18n/i18n-context';

export function PromotionKindChooser() {
  const { t } = useI18n();
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <a className="office-link" href={officeHash('promotions')}>← {t('office.promo.backToList')}</a>
          <h1>{t('office.promo.chooseKind')}</h1>
        </div>
      </header>
      <div className="office-kind-grid">
        {ruleKinds.map((kind) => (
          <a key={kind} className="office-card office-kind" href={officeHash('promotions', 'new', kind)}>
            <strong>{t(`office.promo.kind.${kind}`)}</strong>
            <span>{t(`office.promo.kindHint.${kind}`)}</span>
          </a>
        ))}
      </div>
    </section>
  );
}
