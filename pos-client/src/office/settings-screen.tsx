import type { OfficeHttp } from '../features/office-core/office-http';
import { AssortmentScreen } from './assortment-screen';
import { PricingSettingsScreen } from './pricing-settings-screen';

/** `#/office/settings` (cash rounding and scale labels) and `#/office/settings/assortments`. */
export function SettingsScreen({ http, rest }: { http: OfficeHttp; rest: string[] }) {
  return rest[0] === 'assortments' ? <AssortmentScreen http={http} /> : <PricingSettingsScreen http={http} />;
}
