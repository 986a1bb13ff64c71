import type { OfficeHttp } from '../features/office-core/office-http';
import type { OfficeSection } from '../features/office-core/office-route';
import { DevicesScreen } from './devices-screen';
import { PricesScreen } from './prices-screen';
import { PromotionsScreen } from './promotions-screen';
import { SettingsScreen } from './settings-screen';
import { StoreDayScreen } from './store-day-screen';

interface Props {
  section: OfficeSection;
  rest: string[];
  http: OfficeHttp;
}

export function OfficeSectionView({ section, rest, http }: Props) {
  switch (section) {
    case 'reports':
      return <StoreDayScreen http={http} />;
    case 'devices':
      return <DevicesScreen http={http} />;
    case 'prices':
      return <PricesScreen http={http} />;
    case 'promotions':
      return <PromotionsScreen http={http} rest={rest} />;
    case 'settings':
      return <SettingsScreen http={http} rest={rest} />;
  }
}
