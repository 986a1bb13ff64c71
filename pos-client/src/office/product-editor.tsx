import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect } from 'react';
import { categoryNodes, categoryOptions } from '../features/office-catalog/category-nodes';
import { useAttributeNames, useBrandOptions, useCatalogMutations, useCategories, useProduct, useSupplierOptions } from '../features/office-catalog/catalog-queries';
import { formValuesOf, newProductValues, productBodyOf, takenBarcodes, type ProductFormValues } from '../features/office-catalog/product-form';
import { HqError } from '../features/office-core/hq-query';
import { officeHash } from '../features/office-core/office-route';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { ProductBarcodesField } from './product-barcodes-field';
import { ProductCostsCard } from './product-costs-card';

const units = ['piece', 'kg', 'box', 'bottle', 'pack'] as const;
const statuses = ['new', 'normal', 'discontinued'] as const;

/** Creates (with a first retail price) or edits one product; HQ only. */
export function ProductEditor({ id }: { id: string | null }) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const product = useProduct(id);
  const categories = useCategories();
  const brands = useBrandOptions();
  const suppliers = useSupplierOptions();
  const attributeNames = useAttributeNames();
  const { saveProduct, setRetailPrice, setProductActive, deleteProduct } = useCatalogMutations();
  const weighed = Form.useWatch('weighed', form);
  const status = Form.useWatch('status', form);
  useEffect(() => {
    form.setFieldsValue(product.data ? formValuesOf(product.data) : newProductValues);
  }, [product.data, form]);

  const submit = async (values: ProductFormValues) => {
    try {
      const saved = await saveProduct.mutateAsync({ id, body: productBodyOf(values) });
      if (id === null && values.retailYuan !== undefined && values.retailYuan !== null) {
        await setRetailPrice.mutateAsync({ productId: saved.id, amountMinor: Math.round(values.retailYuan * 100) });
      }
      void message.success(t('office.catalog.saved'));
      if (id === null) window.location.hash = officeHash('products', 'edit', saved.id);
    } catch (error) {
      const taken = error instanceof HqError ? takenBarcodes(error.failure) : [];
      form.setFields(taken.map((b) => ({ name: ['barcodes', b.row], errors: [t('office.products.barcodeTaken', { code: b.code, sku: b.sku, name: pickName(b) })] })));
      if (!taken.length) markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const named = attributeNames.data?.attributes ?? [];
  const record = product.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <a href={officeHash('products')}>{t('office.products.back')}</a>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{record ? t('office.products.editTitle', { sku: record.sku }) : t('office.products.newTitle')}</Typography.Title>}
        extra={record && (
          <Space>
            <Button onClick={() => setProductActive.mutate({ id: record.id, active: !record.active })}>{t(record.active ? 'office.catalog.deactivate' : 'office.catalog.reactivate')}</Button>
            {!record.sold && !record.active && (
              <Popconfirm title={t('office.catalog.deleteConfirm')} okText={t('office.catalog.delete')} cancelText={t('office.catalog.cancel')}
                onConfirm={() => deleteProduct.mutate(record.id, { onSuccess: () => void (window.location.hash = officeHash('products')) })}>
                <Button danger>{t('office.catalog.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}>
        {record?.sold && <Alert type="info" showIcon title={t('office.products.sold')} style={{ marginBottom: 12 }} />}
        <HqErrorAlert error={product.error ?? setProductActive.error ?? deleteProduct.error} />
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={newProductValues}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="sku" label={t('office.products.sku')} rules={[{ required: true }]}><Input maxLength={32} data-testid="product-sku" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="nameZh" label={t('office.catalog.nameZh')} rules={[{ required: true }]}><Input maxLength={120} data-testid="product-name-zh" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="nameEn" label={t('office.catalog.nameEn')} rules={[{ required: true }]}><Input maxLength={120} data-testid="product-name-en" /></Form.Item></Col>
            <Col xs={24} md={8}>
              <Form.Item name="categoryId" label={t('office.products.category')}>
                <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={categoryOptions(categoryNodes(categories.data ?? []), pickName)} data-testid="product-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="brandId" label={t('office.products.brand')}>
                <Select allowClear showSearch optionFilterProp="label" options={(brands.data?.items ?? []).filter((b) => b.active || b.id === record?.brandId).map((b) => ({ value: b.id, label: `${b.code} ${pickName(b)}` }))} data-testid="product-brand" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="supplierId" label={t('office.products.supplier')}>
                <Select allowClear showSearch optionFilterProp="label" options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}><Form.Item name="unit" label={t('office.products.unit')}><Select options={units.map((u) => ({ value: u, label: t(`office.products.unit.${u}`) }))} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="weighed" valuePropName="checked" label={t('office.products.weighed')}><Checkbox>{t('office.products.weighed')}</Checkbox></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="scaleItemCode" label={t('office.products.scaleItemCode')}><Input maxLength={6} disabled={!weighed} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="status" label={t('office.products.status')}><Select options={statuses.map((s) => ({ value: s, label: t(`office.products.status.${s}`) }))} /></Form.Item></Col>
            <Col xs={24} md={4}><Form.Item name="discontinuedFrom" label={t('office.products.discontinuedFrom')}><Input type="date" disabled={status !== 'discontinued'} /></Form.Item></Col>
            {id === null && (
              <Col xs={24} md={4}><Form.Item name="retailYuan" label={t('office.products.retailPrice')}><InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="product-price" /></Form.Item></Col>
            )}
          </Row>
          <ProductBarcodesField />
          {named.length > 0 && (
            <Row gutter={16}>
              {named.map((a) => (
                <Col key={a.slot} xs={24} md={8}><Form.Item name={['attributes', a.slot - 1]} label={pickName(a)}><Input maxLength={120} /></Form.Item></Col>
              ))}
            </Row>
          )}
          <HqErrorAlert error={saveProduct.error ?? setRetailPrice.error} />
          <Button type="primary" htmlType="submit" loading={saveProduct.isPending || setRetailPrice.isPending} data-testid="product-save">{t('office.catalog.save')}</Button>
        </Form>
      </Card>
      {record && <ProductCostsCard productId={record.id} costNowMinor={record.costNowMinor} />}
    </Space>
  );
}
