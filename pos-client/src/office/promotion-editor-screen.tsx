import { Alert, Button, Card, Form, Space, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { officeHash } from '../features/office-core/office-route';
import { useCategories, useMemberLevels, useScopeStores } from '../features/office-core/office-queries';
import { usePromotionEditor, type EditorTarget } from '../features/office-promotions/use-promotion-editor';
import { useI18n } from '../i18n/i18n-context';
import { BasketPreviewCard } from './basket-preview-card';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';
import { PromotionCommonFields } from './promotion-common-fields';
import { PromotionFormProvider } from './promotion-fields/promotion-form-context';
import { PromotionKindForm } from './promotion-kind-form';

/** One promotion: its kind's own fields, when, where and for whom, and a basket to try it on. */
export function PromotionEditorScreen({ target }: { target: EditorTarget }) {
  const { t } = useI18n();
  const editor = usePromotionEditor(target);
  const stores = useScopeStores();
  const levels = useMemberLevels();
  const categories = useCategories();
  const context = useMemo(
    () => ({ stores: stores.data ?? [], levels: levels.data ?? [], categories: categories.data ?? [], problems: editor.problems, showProblems: editor.showProblems }),
    [stores.data, levels.data, categories.data, editor.problems, editor.showProblems],
  );
  const { draft, saving } = editor;
  const back = <a href={officeHash('promotions')}>← {t('office.promo.backToList')}</a>;
  if (editor.loading.error) return <OfficePage title={t('office.promo.editTitle')} extra={back}><HqErrorAlert error={editor.loading.error} /></OfficePage>;
  if (!draft) return <Spin className="office-loading" aria-label={t('office.loading')} />;

  return (
    <PromotionFormProvider value={context}>
      <OfficePage
        title={draft.name || t(editor.isNew ? 'office.promo.newTitle' : 'office.promo.editTitle')}
        hint={t(`office.promo.kind.${draft.kind}`)}
        extra={
          <Space wrap>
            {back}
            <Tag>{t(`office.promo.status.${editor.status}`)}</Tag>
            <Button loading={saving.isPending && saving.variables.body.status === 'draft'} disabled={saving.isPending} onClick={() => editor.save('draft')}>{t('office.promo.saveDraft')}</Button>
            <Button type="primary" loading={saving.isPending && saving.variables.body.status === 'active'} disabled={saving.isPending} onClick={() => editor.save('active')}>{t('office.promo.saveActive')}</Button>
          </Space>
        }
      >
        {editor.showProblems && editor.problems.length > 0 && <Alert type="error" showIcon role="alert" title={t('office.promo.fixProblems', { count: editor.problems.length })} />}
        {saving.data && <Alert type="success" showIcon role="status" title={t(saving.data.status === 'active' ? 'office.promo.savedActive' : 'office.promo.savedDraft')} />}
        <HqErrorAlert error={saving.error} />
        <div className="office-two-columns office-editor">
          <Form layout="vertical" component="div" className="office-stack">
            <Card title={<Typography.Title level={2}>{t(`office.promo.kind.${draft.kind}`)}</Typography.Title>}>
              <Typography.Paragraph type="secondary">{t(`office.promo.kindHint.${draft.kind}`)}</Typography.Paragraph>
              <PromotionKindForm rule={draft} onChange={editor.change} />
            </Card>
            <Card title={<Typography.Title level={2}>{t('office.promo.whenWhere')}</Typography.Title>}>
              <PromotionCommonFields rule={draft} onChange={editor.change} />
            </Card>
          </Form>
          <BasketPreviewCard draft={draft} draftValid={editor.problems.length === 0} />
        </div>
      </OfficePage>
    </PromotionFormProvider>
  );
}
