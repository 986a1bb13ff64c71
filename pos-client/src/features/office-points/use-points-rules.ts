import { useQuery } from '@tanstack/react-query';
import { PointsRule, PointsRuleList, PointsSettings, type PointsRuleBody } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';

const keys = { settings: ['points', 'settings'] as const, rules: ['points', 'rules'] as const };

/** The chain's points settings and earning rules, and saving or deleting them (HQ checks who may). */
export function usePointsRules() {
  const http = useOfficeHttp();
  const settings = useQuery({ queryKey: keys.settings, queryFn: () => unwrap(http({ method: 'GET', path: '/points/settings', schema: PointsSettings })) });
  const rules = useQuery({ queryKey: keys.rules, queryFn: () => unwrap(http({ method: 'GET', path: '/points/rules', schema: PointsRuleList })) });
  const saveSettings = useHqMutation((body: PointsSettings) => ({ method: 'PUT', path: '/points/settings', schema: PointsSettings, body }), [keys.settings]);
  const saveRule = useHqMutation(
    ({ id, body }: { id: string | null; body: PointsRuleBody }) =>
      id === null ? { method: 'POST', path: '/points/rules', schema: PointsRule, body } : { method: 'PUT', path: `/points/rules/${id}`, schema: PointsRule, body },
    [keys.rules],
  );
  const deleteRule = useHqMutation((id: string) => ({ method: 'DELETE', path: `/points/rules/${id}`, schema: z.unknown() }), [keys.rules]);
  return { settings, rules, saveSettings, saveRule, deleteRule };
}
