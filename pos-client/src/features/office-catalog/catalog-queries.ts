import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Brand, BrandPage, Category, PriceEntry, ProductAttributeNames, ProductCostHistory, ProductDetail, ProductRecord, SupplierList,
  type BrandBody, type CategoryBody, type CategoryPatch, type CostBody, type ProductBody,
} from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';

/** The category tree, flat, deactivated ones too. */
export function useCategories() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['categories'], queryFn: () => unwrap(http({ method: 'GET', path: '/categories', schema: z.array(Category) })) });
}

/** Every brand for a select (at most 200, by code). */
export function useBrandOptions() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['brands', 'options'], queryFn: () => unwrap(http({ method: 'GET', path: '/brands?limit=200', schema: BrandPage })) });
}

export function useSupplierOptions(enabled = true) {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['suppliers', 'options'], enabled, queryFn: () => unwrap(http({ method: 'GET', path: '/suppliers?limit=200&sort=code&order=asc', schema: SupplierList })) });
}

export function useAttributeNames() {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['settings', 'product-attributes'], queryFn: () => unwrap(http({ method: 'GET', path: '/settings/product-attributes', schema: ProductAttributeNames })) });
}

export function useProduct(id: string | null) {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['products', id], enabled: id !== null, queryFn: () => unwrap(http({ method: 'GET', path: `/products/${id}`, schema: ProductDetail })) });
}

export function useProductCosts(id: string, enabled: boolean) {
  const http = useOfficeHttp();
  return useQuery({ queryKey: ['products', id, 'costs'], enabled, queryFn: () => unwrap(http({ method: 'GET', path: `/products/${id}/costs`, schema: ProductCostHistory })) });
}

/** Every catalog write: each refreshes what it changed by the query key's first segment. */
export function useCatalogMutations() {
  const http = useOfficeHttp();
  const client = useQueryClient();
  const after = (...keys: string[]) => () => Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: [key] })));
  const mutation = <A, T>(fn: (args: A) => Promise<T>, ...keys: string[]) => ({ mutationFn: fn, onSuccess: after(...keys) });
  return {
    saveCategory: useMutation(mutation(({ id, body }: { id: string | null; body: CategoryBody | CategoryPatch }) =>
      unwrap(http({ method: id ? 'PATCH' : 'POST', path: id ? `/categories/${id}` : '/categories', schema: Category, body })), 'categories')),
    setCategoryActive: useMutation(mutation(({ id, active }: { id: string; active: boolean }) =>
      unwrap(http({ method: 'POST', path: `/categories/${id}/${active ? 'reactivate' : 'deactivate'}`, schema: Category })), 'categories')),
    saveBrand: useMutation(mutation(({ id, body }: { id: string | null; body: BrandBody }) =>
      unwrap(http({ method: id ? 'PUT' : 'POST', path: id ? `/brands/${id}` : '/brands', schema: Brand, body })), 'brands')),
    setBrandActive: useMutation(mutation(({ id, active }: { id: string; active: boolean }) =>
      unwrap(http({ method: 'POST', path: `/brands/${id}/${active ? 'reactivate' : 'deactivate'}`, schema: Brand })), 'brands')),
    saveProduct: useMutation(mutation(({ id, body }: { id: string | null; body: ProductBody }) =>
      unwrap(http({ method: id ? 'PUT' : 'POST', path: id ? `/products/${id}` : '/products', schema: ProductRecord, body })), 'products')),
    setProductActive: useMutation(mutation(({ id, active }: { id: string; active: boolean }) =>
      unwrap(http({ method: 'POST', path: `/products/${id}/${active ? 'reactivate' : 'deactivate'}`, schema: ProductRecord })), 'products')),
    deleteProduct: useMutation(mutation((id: string) => unwrap(http({ method: 'DELETE', path: `/products/${id}`, schema: z.unknown() })), 'products')),
    addCost: useMutation(mutation(({ id, body }: { id: string; body: CostBody }) =>
      unwrap(http({ method: 'POST', path: `/products/${id}/costs`, schema: ProductCostHistory, body })), 'products')),
    /** The chain retail price through the prices service, as the prices screen sets it. */
    setRetailPrice: useMutation(mutation(({ productId, amountMinor }: { productId: string; amountMinor: number }) =>
      unwrap(http({ method: 'POST', path: '/pricing/prices', schema: PriceEntry, body: { productId, amountMinor } })), 'products', 'catalog')),
    saveAttributeNames: useMutation(mutation((body: ProductAttributeNames) =>
      unwrap(http({ method: 'PUT', path: '/settings/product-attributes', schema: ProductAttributeNames, body })), 'settings')),
  };
}
