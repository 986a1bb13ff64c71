import { useI18n } from '../i18n/i18n-context';

interface Props {
  /** How many products in all; null while the first page loads. */
  total: number | null;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** "N products", then previous and next around "page / pages". */
export function OfficePager({ total, page, pages, onPage }: Props) {
  const { t } = useI18n();
  return (
    <div className="office-pager">
      <span>{total === null ? t('office.loading') : t('office.prices.count', { total })}</span>
      <button type="button" className="office-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>‹</button>
      <span className="num">{page} / {pages}</span>
      <button type="button" className="office-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>›</button>
    </div>
  );
}
