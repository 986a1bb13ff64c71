import { App, Button, Popconfirm, Space } from 'antd';
import type { StorePriceRow } from '@pos/shared';
import { useStorePriceMutations } from '../features/office-store-prices/use-store-prices';
import { useI18n } from '../i18n/i18n-context';
import { useHqErrorText } from './hq-error';

interface Props {
  row: StorePriceRow;
  storeId: string;
  maySet: boolean;
  isHq: boolean;
  onSet: (row: StorePriceRow) => void;
  onBand: (row: StorePriceRow) => void;
}

/** A row's buttons: set or clear the store's price when the policy allows, and (HQ) edit the product's band. */
export function StorePriceActions({ row, storeId, maySet, isHq, onSet, onBand }: Props) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const errorText = useHqErrorText();
  const { clear } = useStorePriceMutations();
  const name = pickName(row.product);
  const hasOwn = row.current !== null || row.scheduled.length > 0;
  return (
    <Space size={4} wrap>
      {maySet && <Button size="small" autoInsertSpace={false} aria-label={`${t('office.storePrices.set')} ${name}`} onClick={() => onSet(row)}>{t('office.storePrices.set')}</Button>}
      {maySet && hasOwn && (
        <Popconfirm title={t('office.storePrices.clearConfirm')} okText={t('office.storePrices.clear')} cancelText={t('office.storePrices.cancel')}
          onConfirm={() => clear.mutateAsync({ storeId, productId: row.product.id }).then(() => undefined, (e: unknown) => void message.error(errorText(e)))}>
          <Button size="small" danger autoInsertSpace={false} aria-label={`${t('office.storePrices.clear')} ${name}`}>{t('office.storePrices.clear')}</Button>
        </Popconfirm>
      )}
      {isHq && <Button size="small" type="link" autoInsertSpace={false} aria-label={`${t('office.storePrices.editBand')} ${name}`} onClick={() => onBand(row)}>{t('office.storePrices.editBand')}</Button>}
    </Space>
  );
}
