import { Alert, Button, Space, Spin, Table, Typography } from 'antd';
import { defaultTillShortcuts, TillAction, type ShortcutProblem } from '@pos/shared';
import { useTillShortcutsEditor } from '../features/office-settings/use-till-shortcuts-editor';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';
import { KeyCaptureInput } from './key-capture-input';
import { OfficePage } from './office-page';

/** The chain's till shortcuts (每个功能项的快捷键): each sell-screen action and its key, changed by pressing the new key. HQ only. */
export function TillShortcutsScreen() {
  const { t, errorText } = useI18n();
  const editor = useTillShortcutsEditor();
  const { values, problems, save } = editor;
  const actionName = (action: TillAction) => t(`tillAction.${action}`);
  const problemText = (problem: ShortcutProblem) =>
    errorText(problem.code, { key: problem.key, other: problem.with ? actionName(problem.with) : '' });

  return (
    <OfficePage
      title={t('office.nav.tillShortcuts')}
      hint={t('office.shortcuts.hint')}
      extra={
        <Space>
          <Button onClick={editor.resetToDefaults} disabled={!values} data-testid="shortcuts-reset">{t('office.shortcuts.reset')}</Button>
          <Button type="primary" onClick={editor.submit} disabled={!editor.changed || problems.length > 0} loading={save.isPending} data-testid="shortcuts-save">
            {t('office.shortcuts.save')}
          </Button>
        </Space>
      }
    >
      <HqErrorAlert error={editor.load.error} />
      <HqErrorAlert error={save.error} />
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={t('office.shortcuts.fixProblems', { count: problems.length })} />}
      {save.isSuccess && <Alert type="success" showIcon role="status" title={t('office.shortcuts.saved')} data-testid="shortcuts-saved" />}
      {editor.load.isPending && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {values && (
        <Table<TillAction>
          rowKey={(action) => action}
          size="small"
          pagination={false}
          dataSource={TillAction.options}
          data-testid="shortcuts-table"
          columns={[
            { title: t('office.shortcuts.action'), key: 'action', render: (_, action) => <label htmlFor={`shortcut-${action}`}>{actionName(action)}</label> },
            {
              title: t('office.shortcuts.key'), key: 'key', width: 320,
              render: (_, action) => {
                const problem = editor.problemOf(action);
                return (
                  <>
                    <KeyCaptureInput
                      id={`shortcut-${action}`}
                      value={values[action]}
                      label={t('office.shortcuts.keyFor', { action: actionName(action) })}
                      placeholder={t('office.shortcuts.press')}
                      invalid={problem !== undefined}
                      describedBy={problem ? `shortcut-${action}-problem` : undefined}
                      onCapture={(combo) => editor.setKey(action, combo)}
                    />
                    {problem && <Typography.Text type="danger" id={`shortcut-${action}-problem`} className="office-field-problem" data-testid="shortcut-problem">{problemText(problem)}</Typography.Text>}
                  </>
                );
              },
            },
            { title: t('office.shortcuts.default'), key: 'default', render: (_, action) => <Typography.Text type="secondary">{defaultTillShortcuts[action]}</Typography.Text> },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary">{t('office.shortcuts.fixed')}</Typography.Paragraph>
    </OfficePage>
  );
}
