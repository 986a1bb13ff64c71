import { Select } from 'antd';
import { ProductPage, type ProductWithPrices } from '@pos/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type CSSProperties } from 'react';
import { unwrap } from '../features/office-core/hq-query';
import { useOfficeContext } from '../features/office-core/office-context';
import { encodeTableParams } from '../features/office-core/server-table-params';
import { useI18n } from '../i18n/i18n-context';

interface ProductPickerProps {
  id?: string;
  style?: CSSProperties;
  value?: string;
  onChange?: (productId: string) => void;
  /** The product chosen, with its barcodes, for a caller that shows more of it than its id. */
  onPick?: (item: ProductWithPrices) => void;
}

/** A product chosen by typing its SKU, barcode or name (HQ searches; 15 at a time). Works as an antd form control. */
export function ProductPicker({ id, style, value, onChange, onPick }: ProductPickerProps) {
  const { http } = useOfficeContext();
  const { t, pickName } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ['catalog', 'products', q],
    queryFn: () => unwrap(http({ method: 'GET', path: `/catalog/products?${encodeTableParams({ limit: 15, offset: 0, q, filters: {} })}`, schema: ProductPage })),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map(({ product: p }) => ({ value: p.id, label: `${p.sku} · ${pickName(p)}` }));
  return (
    <Select id={id} style={style} showSearch value={value} filterOption={false}
      onChange={(productId: string) => {
        onChange?.(productId);
        const item = found.data?.items.find((i) => i.product.id === productId);
        if (item) onPick?.(item);
      }} onSearch={setText} loading={found.isFetching}
      placeholder={t('office.suppliers.productSearch')} options={options} notFoundContent={t('office.org.none')} />
  );
}
