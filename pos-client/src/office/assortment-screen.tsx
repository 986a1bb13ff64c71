import { Alert, App, Button, Card, Flex, Form, Radio, Select, Space, Spin, Tag } from 'antd';
import type { AssortmentMode } from '@pos/shared';
import { useAssortmentEditor } from '../features/office-settings/use-assortment-editor';
import { useI18n } from '../i18n/i18n-context';
import { AssortmentProductAdder } from './assortment-product-adder';
import { AssortmentProductTable } from './assortment-product-table';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';

const modes: AssortmentMode[] = ['all_except', 'listed'];

/** 门店经营范围: what one store carries, the products it lists or leaves out, and a way back to the whole catalog. */
export function AssortmentScreen() {
  const { t, pickName } = useI18n();
  const { modal } = App.useApp();
  const editor = useAssortmentEditor();
  const { draft, reach } = editor;
  const store = editor.stores.find((s) => s.id === editor.storeId);
  const storeLabel = store ? `${store.code} · ${pickName(store)}` : '';

  function chooseStore(id: string) {
    if (!editor.changed) return editor.chooseStore(id);
    void modal.confirm({ title: t('office.assortment.confirmLeave', { store: storeLabel }), okText: t('office.assortment.discard'), cancelText: t('common.cancel'), onOk: () => editor.chooseStore(id) });
  }
  function reset() {
    void modal.confirm({ title: t('office.assortment.confirmReset', { store: storeLabel }), okText: t('office.assortment.reset'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: editor.reset });
  }

  return (
    <OfficePage
      title={t('office.nav.assortments')}
      hint={t('office.assortment.hint')}
      extra={
        <Space>
          <Button danger disabled={!draft || editor.busy || (reach === 'everything' && !editor.changed)} onClick={reset}>{t('office.assortment.reset')}</Button>
          <Button type="primary" disabled={!editor.changed} loading={editor.busy} onClick={() => void editor.save()}>{t('office.assortment.save')}</Button>
        </Space>
      }
    >
      <Card size="small">
        <Form layout="inline" className="office-filters">
          <Form.Item label={t('office.assortment.store')} htmlFor="assortment-store">
            <Select
              id="assortment-store"
              className="office-select-wide"
              value={editor.storeId || undefined}
              disabled={editor.stores.length === 0 || editor.busy}
              options={editor.stores.map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))}
              onChange={chooseStore}
            />
          </Form.Item>
          {reach && editor.saved && (
            <Tag color={reach === 'everything' ? 'success' : 'processing'} data-testid="assortment-reach">
              {t(`office.assortment.reach.${reach}`, { count: editor.saved.productIds.length })}
            </Tag>
          )}
          {editor.changed && <Tag color="warning">{t('office.assortment.unsaved')}</Tag>}
        </Form>
      </Card>
      {editor.notice && <Alert type="success" showIcon role="status" title={t(editor.notice === 'saved' ? 'office.assortment.saved' : 'office.assortment.resetDone')} />}
      <HqErrorAlert error={editor.error} />
      {editor.loading && !editor.error && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {draft && (
        <div className="office-two-columns office-two-columns-wide">
          <Card>
            <Flex vertical gap={16}>
              <div className="office-field">
                <span id="assortment-mode">{t('office.assortment.mode')}</span>
                <Radio.Group
                  aria-labelledby="assortment-mode"
                  optionType="button"
                  value={draft.mode}
                  options={modes.map((mode) => ({ value: mode, label: t(`office.assortment.mode.${mode}`) }))}
                  onChange={(e) => editor.setMode(e.target.value === 'listed' ? 'listed' : 'all_except')}
                />
              </div>
              {draft.productIds.length === 0 && (
                <Alert type={draft.mode === 'listed' ? 'warning' : 'info'} showIcon title={t(draft.mode === 'listed' ? 'office.assortment.listedEmpty' : 'office.assortment.exceptEmpty')} />
              )}
              <AssortmentProductTable editor={editor} mode={draft.mode} total={draft.productIds.length} />
            </Flex>
          </Card>
          <AssortmentProductAdder mode={draft.mode} listed={draft.productIds} onAdd={editor.add} />
        </div>
      )}
    </OfficePage>
  );
}
