import type { MessageKey } from '../i18n/messages-en';

/** The entities the office names in words; one another capability adds later shows as its noun until it is named here. */
export const auditEntities = [
  'price', 'price_band', 'price_import', 'pricing_settings', 'store_pricing_settings', 'promotion', 'assortment', 'device', 'member', 'member_level',
] as const;

type Translate = (key: MessageKey) => string;

export const entityText = (t: Translate, entity: string): string =>
  (auditEntities as readonly string[]).includes(entity) ? t(`office.audit.entity.${entity as (typeof auditEntities)[number]}`) : entity;
