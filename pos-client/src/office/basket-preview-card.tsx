import { Alert, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import type { PromotionRule } from '@pos/shared';
import { useProductSearch } from '../features/office-core/use-product-search';
import { useBasketPreview } from '../features/office-promotions/use-basket-preview';
import { useI18n } from '../i18n/i18n-context';
import { BasketPreviewResult } from './basket-preview-result';
import { HqErrorAlert } from './hq-error';
import { usePromotionForm } from './promotion-fields/promotion-form-context';

/** "Try a basket": pick products, a store, a time and a member, and see exactly what the engine gives. */
export function BasketPreviewCard({ draft, draftValid }: { draft: PromotionRule | null; draftValid: boolean }) {
  const { t, pickName } = useI18n();
  const { stores, levels, categories } = usePromotionForm();
  const preview = useBasketPreview(draft, draftValid, stores[0]?.id ?? '', categories);
  const { setup, changeSetup } = preview;
  const search = useProductSearch({ pageSize: 8 });
  const found = search.query.data?.items ?? [];
  return (
    <Card className="office-preview" title={<Typography.Title level={2}>{t('office.preview.title')}</Typography.Title>}>
      <Form layout="vertical" component="div">
        <div className="office-form-row">
          <Form.Item label={t('office.report.store')} htmlFor="preview-store" className="office-field-grow">
            <Select id="preview-store" value={setup.storeId || undefined} options={stores.map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} onChange={(storeId) => changeSetup({ storeId })} />
          </Form.Item>
          <Form.Item label={t('office.preview.at')} htmlFor="preview-at">
            <Input id="preview-at" type="datetime-local" value={setup.at} onChange={(e) => changeSetup({ at: e.target.value })} />
          </Form.Item>
        </div>
        <div className="office-form-row">
          <Form.Item label={t('office.preview.member')} htmlFor="preview-member">
            <Select
              id="preview-member"
              className="office-select-wide"
              value={setup.memberLevelId ?? ''}
              options={[{ value: '', label: t('office.preview.noMember') }, ...levels.map((l) => ({ value: l.id, label: pickName(l) }))]}
              onChange={(id) => changeSetup({ memberLevelId: id || null })}
            />
          </Form.Item>
          {setup.memberLevelId && (
            <Form.Item label={t('office.preview.birthday')} htmlFor="preview-birthday">
              <Input id="preview-birthday" placeholder="MM-DD" value={setup.birthday} onChange={(e) => changeSetup({ birthday: e.target.value })} />
            </Form.Item>
          )}
          <Form.Item label={t('office.preview.vouchers')} htmlFor="preview-vouchers" className="office-field-grow">
            <Input id="preview-vouchers" value={setup.vouchers} onChange={(e) => changeSetup({ vouchers: e.target.value })} />
          </Form.Item>
        </div>
        <Form.Item>
          <Checkbox checked={setup.includeSaved} onChange={(e) => changeSetup({ includeSaved: e.target.checked })}>{t('office.preview.includeSaved')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('office.preview.add')} htmlFor="preview-add">
          <Select<string>
            id="preview-add"
            value={null}
            placeholder={t('office.prices.searchPlaceholder')}
            showSearch={{ filterOption: false, onSearch: search.setSearch, searchValue: search.search }}
            loading={search.query.isFetching}
            notFoundContent={t('office.prices.none')}
            options={found.map((item) => ({ value: item.product.id, label: `${item.product.sku} ${pickName(item.product)}`, disabled: item.retailNowMinor === null }))}
            onChange={(id) => {
              const item = found.find((i) => i.product.id === id);
              if (item) preview.add(item);
              search.setSearch('');
            }}
          />
        </Form.Item>
      </Form>
      {!draftValid && draft && <Alert type="warning" showIcon title={t('office.preview.draftInvalid')} className="office-alert" />}
      <HqErrorAlert error={preview.error} className="office-alert" />
      <BasketPreviewResult items={preview.items} priced={preview.priced} onQuantity={preview.setQuantity} onRemove={preview.remove} />
    </Card>
  );
}
