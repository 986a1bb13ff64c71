import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { OfficeSignInBody } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  onSignIn: (body: OfficeSignInBody) => Promise<{ ok: true } | { ok: false; code: string }>;
}

interface Fields {
  email: string;
  password: string;
}

export function OfficeSignInScreen({ onSignIn }: Props) {
  const { t, errorText, toggleLocale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  async function submit({ email, password }: Fields) {
    setBusy(true);
    setErrorCode(null);
    const result = await onSignIn({ email: email.trim(), password });
    if (!result.ok) {
      setErrorCode(result.code);
      setBusy(false);
    }
  }

  const message = errorCode === 'UNAUTHENTICATED' || errorCode === 'VALIDATION_FAILED' ? t('office.signIn.wrong') : errorCode && errorText(errorCode);
  return (
    <main className="office-centered">
      <Card className="office-sign-in">
        <div className="office-sign-in-brand">
          <img src="/icons/icon.svg" alt="" />
          <span>{t('office.title')}</span>
          <Button type="link" onClick={toggleLocale}>{t('status.language')}</Button>
        </div>
        <Typography.Title level={1}>{t('office.signIn.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('office.signIn.hint')}</Typography.Paragraph>
        <Form<Fields> layout="vertical" requiredMark={false} onFinish={(fields) => void submit(fields)} disabled={busy}>
          <Form.Item name="email" label={t('office.signIn.email')} rules={[{ required: true, type: 'email' }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('office.signIn.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {message && <Alert type="error" showIcon role="alert" className="office-sign-in-alert" title={message} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {busy ? t('office.signIn.busy') : t('office.signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
