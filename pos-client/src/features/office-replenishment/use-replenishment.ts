import { useQuery } from '@tanstack/react-query';
import {
  ReplenishmentAskResult, ReplenishmentRule, ReplenishmentRuleList, ReplenishmentSuggestionList,
  type ReplenishmentAskBody, type ReplenishmentRuleBody,
} from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { queryString, stockKey } from '../office-stock/use-stock';

/** Under the stock key, so asking (a new requisition) and a rule changed refresh the requisitions and stock screens too. */
const replenishmentKey = [...stockKey, 'replenishment'] as const;

/** A store's rules and what they suggest now; setting or removing a rule, and asking for the chosen suggestions as one requisition. */
export function useReplenishment(storeId: string | undefined) {
  const http = useOfficeHttp();
  const rules = useQuery({
    queryKey: [...replenishmentKey, 'rules', storeId],
    enabled: storeId !== undefined,
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/replenishment/rules${queryString({ storeId })}`, schema: ReplenishmentRuleList })),
  });
  const suggestions = useQuery({
    queryKey: [...replenishmentKey, 'suggestions', storeId],
    enabled: storeId !== undefined,
    queryFn: () => unwrap(http({ method: 'GET', path: `/stock/replenishment/suggestions${queryString({ storeId })}`, schema: ReplenishmentSuggestionList })),
  });
  const setRule = useHqMutation(
    ({ productId, body }: { productId: string; body: ReplenishmentRuleBody }) => ({ method: 'PUT', path: `/stock/replenishment/rules/${storeId}/${productId}`, schema: ReplenishmentRule, body }),
    [stockKey],
  );
  const removeRule = useHqMutation((productId: string) => ({ method: 'DELETE', path: `/stock/replenishment/rules/${storeId}/${productId}`, schema: z.unknown() }), [stockKey]);
  const ask = useHqMutation((body: ReplenishmentAskBody) => ({ method: 'POST', path: '/stock/replenishment/requisitions', schema: ReplenishmentAskResult, body }), [stockKey]);
  return { rules, suggestions, setRule, removeRule, ask };
}
