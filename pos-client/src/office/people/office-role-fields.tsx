import { useQuery } from '@tanstack/react-query';
import { Category, ModuleAccess, OfficeModule, ReportKey } from '@pos/shared';
import { Checkbox, Form, InputNumber, Radio, Select, Switch } from 'antd';
import { z } from 'zod';
import { unwrap } from '../../features/office-core/hq-query';
import { useOfficeHttp } from '../../features/office-core/office-context';
import { useI18n } from '../../i18n/i18n-context';

/** The office role's permissions: each module's access, categories, cost prices, and each report's print/export limit. */
export function OfficeRoleFields() {
  const { t, pickName } = useI18n();
  const http = useOfficeHttp();
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(http({ method: 'GET', path: '/categories', schema: z.array(Category) })) });
  const form = Form.useFormInstance();
  const scope = Form.useWatch('categoryScope', form);
  return (
    <>
      <fieldset className="people-fieldset">
        <legend>{t('office.roles.modules')}</legend>
        <div className="people-grid">
          {OfficeModule.options.map((m) => (
            <Form.Item key={m} name={['permissions', 'modules', m]} label={t(`office.module.${m}`)} className="people-grid-item">
              <Radio.Group optionType="button" size="small" options={ModuleAccess.options.map((a) => ({ value: a, label: t(`office.access.${a}`) }))} />
            </Form.Item>
          ))}
        </div>
      </fieldset>
      <fieldset className="people-fieldset">
        <legend>{t('office.roles.data')}</legend>
        <Form.Item name="categoryScope" label={t('office.roles.categories')}>
          <Radio.Group options={[{ value: 'all', label: t('office.roles.allCategories') }, { value: 'list', label: t('office.roles.someCategories') }]} />
        </Form.Item>
        {scope === 'list' && (
          <Form.Item name="categoryIds" label={t('office.roles.categoryList')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="multiple" loading={categories.isLoading} optionFilterProp="label" options={(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${pickName(c)}` }))} />
          </Form.Item>
        )}
        <Form.Item name={['permissions', 'seeCost']} label={t('office.roles.seeCost')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </fieldset>
      <fieldset className="people-fieldset">
        <legend>{t('office.roles.reports')}</legend>
        {ReportKey.options.map((r) => (
          <div key={r} className="people-report-row">
            <span className="people-report-name">{t(`office.report.${r}`)}</span>
            <Form.Item name={['permissions', 'reports', r, 'print']} valuePropName="checked" noStyle>
              <Checkbox>{t('office.roles.print')}</Checkbox>
            </Form.Item>
            <Form.Item name={['permissions', 'reports', r, 'export']} valuePropName="checked" noStyle>
              <Checkbox>{t('office.roles.export')}</Checkbox>
            </Form.Item>
            <Form.Item name={['permissions', 'reports', r, 'perDay']} label={t('office.roles.perDay')} className="people-inline-item">
              <InputNumber min={1} max={10000} precision={0} placeholder={t('office.roles.noLimit')} />
            </Form.Item>
          </div>
        ))}
      </fieldset>
    </>
  );
}
