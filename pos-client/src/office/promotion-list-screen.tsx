import type { OfficeHttp } from '../features/office-core/office-http';
import { officeHash } from '../features/office-core/office-route';
import { usePromotionList, type ListTab } from '../features/office-promotions/use-promotion-list';
import { useI18n } from '../i18n/i18n-context';

const tabs: ListTab[] = ['running', 'scheduled', 'ended', 'draft'];
const when = (text: string | null) => (text ? text.replace('T', ' ') : '…');

export function PromotionListScreen({ http }: { http: OfficeHttp }) {
  const { t, errorText } = useI18n();
  const list = usePromotionList(http);
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.promo.title')}</h1>
          <p>{t('office.promo.hint')}</p>
        </div>
        <a className="office-button office-button-primary" href={officeHash('promotions', 'new')}>{t('office.promo.new')}</a>
      </header>
      <div className="office-segmented" role="tablist">
        {tabs.map((tab) => (
          <button key={tab} type="button" role="tab" aria-pressed={list.tab === tab} onClick={() => list.setTab(tab)}>
            {t(`office.promo.tab.${tab}`)} <span className="office-count">{list.counts[tab]}</span>
          </button>
        ))}
      </div>
      {list.errorCode && <div className="office-notice office-notice-error">{errorText(list.errorCode)}</div>}
      <div className="office-card">
        {list.shown === null && <p className="office-empty">{t('office.loading')}</p>}
        {list.shown?.length === 0 && <p className="office-empty">{t('office.promo.none')}</p>}
        {list.shown && list.shown.length > 0 && (
          <table className="office-table">
            <thead>
              <tr>
                <th>{t('office.promo.name')}</th>
                <th>{t('office.promo.kindColumn')}</th>
                <th>{t('office.promo.dates')}</th>
                <th>{t('office.promo.stores')}</th>
                <th>{t('office.promo.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.shown.map(({ id, rule, state }) => (
                <tr key={id}>
                  <td><a className="office-link" href={officeHash('promotions', 'edit', id)}>{rule.name}</a></td>
                  <td>{t(`office.promo.kind.${rule.kind}`)}</td>
                  <td className="num">{rule.validFrom || rule.validTo ? `${when(rule.validFrom)} – ${when(rule.validTo)}` : t('office.promo.noDates')}</td>
                  <td>{rule.storeIds.length === 0 ? t('office.promo.allStores') : t('office.promo.someStores', { count: rule.storeIds.length })}</td>
                  <td><span className={`office-badge office-badge-${state}`}>{t(`office.promo.state.${state}`)}</span></td>
                  <td className="right">
                    <button type="button" className="office-link office-button-danger" onClick={() => window.confirm(t('office.promo.confirmArchive', { name: rule.name })) && void list.archive(id)}>
                      {t('office.promo.archive')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
