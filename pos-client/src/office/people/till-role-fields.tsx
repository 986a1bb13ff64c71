import { KeyPolicy, TillKey } from '@pos/shared';
import { Form, InputNumber, Radio } from 'antd';
import { useI18n } from '../../i18n/i18n-context';

/** A till role's permissions: each function key allowed, with a manager's PIN, or forbidden; discount limits in percent. */
export function TillRoleFields() {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="people-fieldset">
        <legend>{t('office.roles.keys')}</legend>
        <div className="people-grid">
          {TillKey.options.map((k) => (
            <Form.Item key={k} name={['permissions', 'keys', k]} label={t(`office.tillKey.${k}`)} className="people-grid-item">
              <Radio.Group optionType="button" size="small" options={KeyPolicy.options.map((p) => ({ value: p, label: t(`office.keyPolicy.${p}`) }))} />
            </Form.Item>
          ))}
        </div>
      </fieldset>
      <fieldset className="people-fieldset">
        <legend>{t('office.roles.discounts')}</legend>
        <div className="people-grid">
          <Form.Item name="linePercent" label={t('office.roles.lineLimit')} rules={[{ required: true }]} className="people-grid-item">
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" />
          </Form.Item>
          <Form.Item name="ticketPercent" label={t('office.roles.ticketLimit')} rules={[{ required: true }]} className="people-grid-item">
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" />
          </Form.Item>
        </div>
      </fieldset>
    </>
  );
}
