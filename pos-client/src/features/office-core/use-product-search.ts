import { useEffect, useState } from 'react';
import type { ProductPage } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from './office-http';
import { searchProducts, type ProductSearch } from './product-search-api';

/** Products matching what was typed, a page at a time; typing waits a moment before asking HQ. */
export function useProductSearch(http: OfficeHttp, initialStoreId: string | null = null) {
  const [search, setSearch] = useState<ProductSearch>({ q: '', storeId: initialStoreId, page: 1 });
  const [page, setPage] = useState<ProductPage | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      void searchProducts(http, search).then((result) => {
        if (!current) return;
        setLoading(false);
        if (result.ok) {
          setPage(result.value);
          setErrorCode(null);
        } else setErrorCode(failureCode(result.failure));
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [http, search, revision]);

  return {
    search,
    setQuery: (q: string) => setSearch((s) => ({ ...s, q, page: 1 })),
    setStoreId: (storeId: string | null) => setSearch((s) => ({ ...s, storeId, page: 1 })),
    setPageNumber: (n: number) => setSearch((s) => ({ ...s, page: n })),
    page,
    loading,
    errorCode,
    refresh: () => setRevision((n) => n + 1),
  };
}
