import type { OfficeHttp } from '../features/office-core/office-http';
import { usePriceImport } from '../features/office-pricing/use-price-import';
import { useI18n } from '../i18n/i18n-context';

const template = 'sku,store,kind,level,price,effective_from';

export function PriceImportCard({ http }: { http: OfficeHttp }) {
  const { t, errorText } = useI18n();
  const importer = usePriceImport(http);
  const { outcome } = importer;
  return (
    <div className="office-card office-form">
      <div>
        <h2>{t('office.import.title')}</h2>
        <p className="office-muted">{t('office.import.hint')}</p>
        <code className="office-code-block">{template}</code>
      </div>
      <div className="office-form-row">
        <label className="office-field office-field-grow">
          <span>{t('office.import.file')}</span>
          <input type="file" accept=".csv,text/csv" onChange={(e) => void importer.chooseFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="button" className="office-button office-button-primary" disabled={importer.busy || importer.rows === 0} onClick={() => void importer.send()}>
          {importer.busy ? t('office.import.busy') : t('office.import.send', { rows: importer.rows })}
        </button>
      </div>
      {outcome?.kind === 'imported' && (
        <div className="office-notice office-notice-ok">{t('office.import.done', { imported: outcome.result.imported, created: outcome.result.created, updated: outcome.result.updated })}</div>
      )}
      {outcome?.kind === 'failed' && <div className="office-notice office-notice-error">{errorText(outcome.code)}</div>}
      {outcome?.kind === 'refused' && (
        <>
          <div className="office-notice office-notice-error">{t('office.import.refused', { count: outcome.problems.length })}</div>
          <div className="office-table-scroll">
            <table className="office-table">
              <thead>
                <tr>
                  <th>{t('office.import.row')}</th>
                  <th>{t('office.import.column')}</th>
                  <th>{t('office.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.problems.map((p, i) => (
                  <tr key={`${p.row}-${p.column}-${i}`}>
                    <td className="num">{p.row}</td>
                    <td><code>{p.column}</code></td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
