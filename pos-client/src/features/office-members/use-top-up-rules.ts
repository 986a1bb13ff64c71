import { useQuery } from '@tanstack/react-query';
import { TopUpRule, TopUpRuleList, type TopUpRuleBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';

/** The chain's top-up bonus rules (充值赠送), and saving one (a new one, or a change by id). */
export function useTopUpRules() {
  const http = useOfficeHttp();
  const list = useQuery({ queryKey: ['stored-value', 'top-up-rules'], queryFn: () => unwrap(http({ method: 'GET', path: '/stored-value/top-up-rules', schema: TopUpRuleList })) });
  const save = useHqMutation(
    ({ id, body }: { id: string | null; body: TopUpRuleBody }) =>
      id === null ? { method: 'POST', path: '/stored-value/top-up-rules', schema: TopUpRule, body } : { method: 'PUT', path: `/stored-value/top-up-rules/${id}`, schema: TopUpRule, body },
    [['stored-value', 'top-up-rules']],
  );
  return { list, save };
}
