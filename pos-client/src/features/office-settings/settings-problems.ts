import { isShadowedBy, type ScaleBarcodeLayout } from '@pos/shared';

export type SettingsProblemKey =
  | 'patternFormat'
  | 'patternParts'
  | 'patternContiguous'
  | 'patternOneCheck'
  | 'patternCheckLength'
  | 'patternShadowed'
  | 'layoutRepeated'
  | 'invalid';

/** What is wrong at one place of the settings, named as HQ names it (`scaleLayouts.1.pattern`); the screen words it. */
export interface SettingsProblem {
  path: string;
  key: SettingsProblemKey;
  params: Record<string, string | number>;
}

/** An issue from the shared schema, here or as HQ's 400 details list it (HQ checks with the same schema). */
export interface SettingsIssue {
  path: string;
  message: string;
}

/**
 * The shared scale-layout schema's messages, by a part each always contains. They are the only
 * way to tell its custom checks apart, in the browser and in HQ's answer alike; one it does not
 * know (a new check) still shows at its field, as "not valid".
 */
const keysByMessage: [part: string, key: SettingsProblemKey][] = [
  ['13-digit pattern', 'patternFormat'],
  ['needs item digits', 'patternParts'],
  ['must each be contiguous', 'patternContiguous'],
  ['at most one price check digit', 'patternOneCheck'],
  ['covers 4 or 5 value digits', 'patternCheckLength'],
  ['is read first by layout', 'patternShadowed'],
  ['is used twice', 'layoutRepeated'],
];

/** The earlier layout that reads every label the one at `index` would, as its place on the screen (1-based). */
function shadowingLayout(layouts: readonly ScaleBarcodeLayout[], index: number): Record<string, string | number> {
  const layout = layouts[index];
  const earlier = layout ? layouts.slice(0, index).findIndex((other) => isShadowedBy(layout, other)) : -1;
  return earlier < 0 ? {} : { n: earlier + 1, pattern: layouts[earlier]!.pattern };
}

/**
 * Problems the screen can word, from issues of the settings whose layouts are `layouts`: one a
 * field, the first, since the schema checks a pattern's shape before what it holds.
 */
export function settingsProblems(issues: readonly SettingsIssue[], layouts: readonly ScaleBarcodeLayout[]): SettingsProblem[] {
  const first = issues.filter((issue, index) => issues.findIndex((other) => other.path === issue.path) === index);
  return first.map(({ path, message }) => {
    const key = keysByMessage.find(([part]) => message.includes(part))?.[1] ?? 'invalid';
    const index = Number(/^scaleLayouts\.(\d+)\./.exec(path)?.[1] ?? -1);
    return { path, key, params: key === 'patternShadowed' ? shadowingLayout(layouts, index) : {} };
  });
}

/** The first problem at a field, or anywhere inside it. */
export function problemAt(problems: readonly SettingsProblem[], path: string): SettingsProblem | undefined {
  return problems.find((p) => p.path === path || p.path.startsWith(`${path}.`));
}
