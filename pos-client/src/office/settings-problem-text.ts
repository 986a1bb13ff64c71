import type { SettingsProblem } from '../features/office-settings/settings-problems';
import { useI18n } from '../i18n/i18n-context';

/** A settings problem in the user's language. */
export function useSettingsProblemText(): (problem: SettingsProblem) => string {
  const { t } = useI18n();
  return (problem) => t(`office.settings.problem.${problem.key}`, problem.params);
}
