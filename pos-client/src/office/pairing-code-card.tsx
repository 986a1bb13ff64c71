import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { IssuedCode } from '../features/office-devices/use-devices';
import { formatClock } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';

/** The code in large digits, grouped 4 + 4 so it can be read aloud, with minutes left until it expires. */
export function PairingCodeCard({ code, storeLabel }: { code: IssuedCode; storeLabel: string }) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const minutesLeft = Math.max(0, Math.ceil((new Date(code.expiresAt).getTime() - now) / 60_000));
  return (
    <Card className="office-pairing" aria-live="polite">
      <Typography.Text type="secondary">{t('office.devices.codeFor', { till: code.tillName, store: storeLabel })}</Typography.Text>
      <strong className="office-pairing-code num" data-testid="pairing-code">
        {code.code.slice(0, 4)} {code.code.slice(4)}
      </strong>
      <Typography.Text type={minutesLeft === 0 ? 'danger' : undefined} strong>
        {minutesLeft === 0
          ? t('office.devices.expired')
          : t('office.devices.expiresIn', { minutes: minutesLeft, time: formatClock(locale, code.expiresAt) })}
      </Typography.Text>
      <Typography.Paragraph>{t('office.devices.enterOnTill')}</Typography.Paragraph>
    </Card>
  );
}
