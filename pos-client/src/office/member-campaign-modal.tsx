import { Alert, Card, Form, Input, Modal, Typography } from 'antd';
import { CAMPAIGN_TEXT_MAX, memberMessageText } from '@pos/shared';
import { useState } from 'react';
import { formatCount } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import type { useMemberAnalysis } from '../features/office-member-analysis/use-member-analysis';
import { useMemberMessageSettings } from '../features/office-member-messages/member-messages-api';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

type CampaignForm = { text: string };

/**
 * HQ writes one message to every member the list's filters keep (群发): the text as members will
 * read it (the chain's 【signature】 before, the opt-out after), then what was queued. The campaign's
 * id is made when the dialog opens, so a second click or a retry queues nothing twice.
 */
export function MemberCampaignModal({ a, members, onClose }: { a: ReturnType<typeof useMemberAnalysis>; members: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CampaignForm>();
  const [id] = useState(a.newCampaignId);
  const sentBy = useOfficeUser().id;
  const signature = useMemberMessageSettings().settings.data?.signature;
  const text = Form.useWatch('text', form) ?? '';
  const done = a.campaign.data ?? null;
  const submit = async ({ text: written }: CampaignForm) => {
    try {
      await a.campaign.mutateAsync({ id, text: written.trim() });
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'), (path) => (path[0] === 'text' ? ['text'] : null));
    }
  };
  return (
    <Modal
      open title={t('office.memberCampaign.title')} onCancel={onClose} destroyOnHidden
      onOk={() => (done ? onClose() : form.submit())} okText={done ? t('office.memberCampaign.close') : t('office.memberCampaign.send', { count: formatCount(members) })}
      cancelButtonProps={done ? { style: { display: 'none' } } : undefined} cancelText={t('common.cancel')} confirmLoading={a.campaign.isPending}
    >
      {done ? (
        <div data-testid="member-campaign-done">
          <Alert type="success" showIcon role="status" title={t('office.memberCampaign.queued', { count: formatCount(done.queued) })} />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {done.alreadyQueued > 0 && `${t('office.memberCampaign.alreadyQueued', { count: formatCount(done.alreadyQueued) })} `}
            {t('office.memberCampaign.unreachable', { count: formatCount(done.unreachable) })}
          </Typography.Paragraph>
          <Card size="small" style={{ marginBottom: 12 }}>{done.text}</Card>
          <a href={officeHash('member-messages')}>{t('office.memberCampaign.seeMessages')}</a>
        </div>
      ) : (
        <>
          <HqErrorAlert error={a.campaign.error} />
          <Typography.Paragraph type="secondary">{t('office.memberCampaign.hint', { count: formatCount(members) })}</Typography.Paragraph>
          <Form<CampaignForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item name="text" label={t('office.memberCampaign.text')} htmlFor="member-campaign-text"
              rules={[{ required: true, whitespace: true, min: 2, message: t('office.memberCampaign.textRequired') }]}>
              <Input.TextArea id="member-campaign-text" rows={3} maxLength={CAMPAIGN_TEXT_MAX} showCount />
            </Form.Item>
          </Form>
          {signature && text.trim().length > 0 && (
            <>
              <Typography.Text type="secondary">{t('office.memberCampaign.preview')}</Typography.Text>
              <Card size="small" data-testid="member-campaign-preview" style={{ marginTop: 4 }}>
                {memberMessageText(signature, { kind: 'campaign', campaignId: id, sentBy, text: text.trim() })}
              </Card>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
