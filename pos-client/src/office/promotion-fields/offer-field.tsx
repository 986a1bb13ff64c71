import { Select } from 'antd';
import { minor, type Offer } from '@pos/shared';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from './decimal-input';
import { RuleField, useFieldIds } from './field-problem';

const offerTypes = ['percent_off', 'amount_off', 'fixed_price'] as const;
const blank: Record<Offer['type'], Offer> = {
  percent_off: { type: 'percent_off', percentBp: 1_000 },
  amount_off: { type: 'amount_off', amountMinor: minor(100) },
  fixed_price: { type: 'fixed_price', priceMinor: minor(0) },
};

function OfferTypeSelect({ value, onChange }: { value: Offer; onChange: (offer: Offer) => void }) {
  const { t } = useI18n();
  const field = useFieldIds();
  return (
    <Select<Offer['type']>
      id={field?.id}
      className="office-select-wide"
      value={value.type}
      options={offerTypes.map((type) => ({ value: type, label: t(`office.promo.offer.${type}`) }))}
      onChange={(type) => onChange(blank[type])}
    />
  );
}

/** What the promotion does to each unit: a percentage off, an amount off, or a fixed price. */
export function OfferField({ path, value, onChange }: { path: string; value: Offer; onChange: (offer: Offer) => void }) {
  const { t } = useI18n();
  return (
    <div className="office-form-row">
      <RuleField path={`${path}.type`} label={t('office.promo.offer')}>
        <OfferTypeSelect value={value} onChange={onChange} />
      </RuleField>
      {value.type === 'percent_off' && (
        <RuleField path={`${path}.percentBp`} label={t('office.promo.percentOff')}>
          <DecimalInput value={value.percentBp} suffix="%" trimZeros onChange={(percentBp) => onChange({ type: 'percent_off', percentBp })} />
        </RuleField>
      )}
      {value.type === 'amount_off' && (
        <RuleField path={`${path}.amountMinor`} label={t('office.promo.amountOff')}>
          <DecimalInput value={value.amountMinor} suffix="¥" onChange={(amountMinor) => onChange({ type: 'amount_off', amountMinor })} />
        </RuleField>
      )}
      {value.type === 'fixed_price' && (
        <RuleField path={`${path}.priceMinor`} label={t('office.promo.fixedPrice')}>
          <DecimalInput value={value.priceMinor} suffix="¥" onChange={(priceMinor) => onChange({ type: 'fixed_price', priceMinor })} />
        </RuleField>
      )}
    </div>
  );
}
