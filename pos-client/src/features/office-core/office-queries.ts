import { useQuery } from '@tanstack/react-query';
import { Category, MemberLevel, Store } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from './hq-query';
import { useOfficeHttp } from './office-context';

/** Lists many screens share, each under one query key so they are fetched once and refreshed together. */
export const officeKeys = {
  stores: ['stores'] as const,
  categories: ['categories'] as const,
  memberLevels: ['pricing', 'member-levels'] as const,
};

/** The stores the caller may work with, by code, whether or not they have sold anything yet. */
export function useScopeStores() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: officeKeys.stores, queryFn: () => unwrap(http({ method: 'GET', path: '/stores', schema: z.array(Store) })) });
}

export function useCategories() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: officeKeys.categories, queryFn: () => unwrap(http({ method: 'GET', path: '/categories', schema: z.array(Category) })) });
}

export function useMemberLevels() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: officeKeys.memberLevels, queryFn: () => unwrap(http({ method: 'GET', path: '/pricing/member-levels', schema: z.array(MemberLevel) })) });
}
