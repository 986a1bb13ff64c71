import { Card, Typography } from 'antd';
import { officeHash } from '../features/office-core/office-route';
import { ruleKinds } from '../features/office-promotions/rule-defaults';
import { useI18n } from '../i18n/i18n-context';
import { OfficePage } from './office-page';

/** Every kind of promotion as a card linking to its editor. */
export function PromotionKindChooser() {
  const { t } = useI18n();
  return (
    <OfficePage title={t('office.promo.chooseKind')} extra={<a href={officeHash('promotions')}>← {t('office.promo.backToList')}</a>}>
      <ul className="office-kind-grid">
        {ruleKinds.map((kind) => (
          <li key={kind}>
            <a className="office-kind" href={officeHash('promotions', 'new', kind)}>
              <Card hoverable size="small">
                <Typography.Text strong>{t(`office.promo.kind.${kind}`)}</Typography.Text>
                <Typography.Paragraph type="secondary" className="office-kind-hint">{t(`office.promo.kindHint.${kind}`)}</Typography.Paragraph>
              </Card>
            </a>
          </li>
        ))}
      </ul>
    </OfficePage>
  );
}
