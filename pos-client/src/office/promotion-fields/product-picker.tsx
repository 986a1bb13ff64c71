import { Select } from 'antd';
import { useProductNames } from '../../features/office-core/use-product-names';
import { useProductSearch } from '../../features/office-core/use-product-search';
import { useI18n } from '../../i18n/i18n-context';
import { useFieldIds } from './field-problem';

interface Props {
  /** The ids of the products chosen. */
  value: string[];
  onChange: (ids: string[]) => void;
  single?: boolean;
}

/** Chosen products (named through HQ), and a search at HQ (SKU, name or barcode) that adds one. */
export function ProductPicker({ value, onChange, single = false }: Props) {
  const { t, pickName } = useI18n();
  const field = useFieldIds();
  const known = useProductNames(value);
  const search = useProductSearch({ pageSize: 8 });
  const found = search.query.data?.items ?? [];
  const options = found.map(({ product }) => ({ value: product.id, label: `${product.sku} ${pickName(product)}` }));
  const remember = (ids: string[]) => {
    for (const { product } of found) if (ids.includes(product.id)) known.remember(product);
    onChange(ids);
  };
  const label = (id: string) => {
    const product = known.product(id);
    return product ? `${product.sku} ${pickName(product)}` : `${id.slice(0, 8)}…`;
  };
  const common = {
    id: field?.id,
    className: 'office-picker',
    placeholder: t('office.prices.searchPlaceholder'),
    options,
    loading: search.query.isFetching,
    notFoundContent: t('office.prices.none'),
    labelRender: ({ value: id }: { value: string | number }) => label(String(id)),
    showSearch: { filterOption: false, onSearch: search.setSearch },
  };
  return single ? (
    <Select<string> {...common} allowClear value={value[0]} onChange={(id) => remember(id ? [id] : [])} />
  ) : (
    <Select<string[]> {...common} mode="multiple" value={value} onChange={remember} />
  );
}
