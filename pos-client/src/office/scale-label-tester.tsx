import { Alert, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ScaleBarcodeLayout } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { readTestLabel } from '../features/office-settings/test-label';
import { useI18n } from '../i18n/i18n-context';

/** Type a label's 13 digits and see what a till would read with the layouts as they stand, saved or not. */
export function ScaleLabelTester({ layouts }: { layouts: ScaleBarcodeLayout[] }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const reading = code ? readTestLabel(code, layouts) : null;
  return (
    <Card className="office-preview" title={<Typography.Title level={2}>{t('office.settings.test.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.settings.test.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('office.settings.test.code')} htmlFor="label-test-code">
          <Input id="label-test-code" className="num" inputMode="numeric" maxLength={13} value={code} placeholder="2210001012348" onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
        </Form.Item>
      </Form>
      <div aria-live="polite" data-testid="label-reading">
        {reading?.kind === 'incomplete' && <Typography.Text type="secondary">{t('office.settings.test.incomplete')}</Typography.Text>}
        {reading?.kind === 'noLayout' && <Alert type="warning" showIcon title={t('office.settings.test.noLayout')} />}
        {reading?.kind === 'badCheckDigit' && <Alert type="error" showIcon title={t('office.settings.test.badCheckDigit', { digit: reading.expected })} />}
        {reading?.kind === 'badPriceCheck' && <Alert type="error" showIcon title={t('office.settings.test.badPriceCheck')} />}
        {reading?.kind === 'read' && (
          <Alert
            type="success"
            title={t('office.settings.test.read', { n: reading.place, pattern: layouts[reading.place - 1]?.pattern ?? '' })}
            description={
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'item', label: t('office.settings.test.itemCode'), children: <span className="num">{reading.label.itemCode}</span> },
                  ...(reading.label.flag === null ? [] : [{ key: 'flag', label: t('office.settings.test.flag'), children: <span className="num">{reading.label.flag}</span> }]),
                  {
                    key: 'value',
                    label: t(`office.settings.test.${reading.label.value}`),
                    children: (
                      <span className="num">
                        {reading.label.value === 'price'
                          ? formatMoneyText(reading.label.amount)
                          : t('office.settings.test.grams', { grams: reading.label.amount, kg: (reading.label.amount / 1000).toFixed(3) })}
                      </span>
                    ),
                  },
                ]}
              />
            }
          />
        )}
      </div>
    </Card>
  );
}
