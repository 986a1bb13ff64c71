import { useQuery } from '@tanstack/react-query';
import { FranchiseeList, Region, StoreEvent, StoreRecord } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeContext } from '../office-core/office-context';

/** The chain's regions, whole: the tree of the regions screen and the choices of a store's or a region manager's region. */
export function useRegions(enabled = true) {
  const { http } = useOfficeContext();
  return useQuery({ queryKey: ['regions'], queryFn: () => unwrap(http({ method: 'GET', path: '/regions', schema: z.array(Region) })), enabled });
}

/** Active franchisees to give a store to (HQ only): the first 200 by code. */
export function useFranchiseeChoices(enabled: boolean) {
  const { http } = useOfficeContext();
  return useQuery({
    queryKey: ['franchisees', 'choices'],
    queryFn: () => unwrap(http({ method: 'GET', path: '/franchisees?active=true&limit=200', schema: FranchiseeList })),
    enabled,
  });
}

export function useStoreRecord(id: string) {
  const { http } = useOfficeContext();
  return useQuery({ queryKey: ['stores', id], queryFn: () => unwrap(http({ method: 'GET', path: `/stores/${id}`, schema: StoreRecord })) });
}

export function useStoreEvents(id: string) {
  const { http } = useOfficeContext();
  return useQuery({ queryKey: ['stores', id, 'events'], queryFn: () => unwrap(http({ method: 'GET', path: `/stores/${id}/events`, schema: z.array(StoreEvent) })) });
}

/** Yuan typed in a form as fen, and fen as yuan for a form; basis points as a percentage and back. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;
export const percentToBp = (percent: number): number => Math.round(percent * 100);
export const bpToPercent = (bp: number): number => bp / 100;
