import type { GiftView } from '../features/sales/use-priced-basket';
import { useI18n } from '../i18n/i18n-context';

/** A gift the customer takes with the sale, priced at nothing. */
export function GiftRow({ gift }: { gift: GiftView }) {
  const { t, pickName } = useI18n();
  return (
    <tr className="gift-line" data-testid="gift-line">
      <td className="line-no">{t('sell.giftMark')}</td>
      <td>
        {pickName(gift)}
        <span className="sub">{gift.ruleName}</span>
      </td>
      <td className="right num">{gift.quantity}</td>
      <td className="right" colSpan={2}>
        {t('sell.gift')}
      </td>
    </tr>
  );
}
