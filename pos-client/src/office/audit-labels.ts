import { AuditAction, AuditEntity } from '@pos/shared';
import type { MessageKey } from '../i18n/messages-en';

/** Every entity the audit trail records, in the order the filter lists them. */
export const auditEntities = AuditEntity.options;

type Translate = (key: MessageKey) => string;

/** The message key naming an entity; every `AuditEntity` has one in both languages (audit-labels.test.ts). */
export const entityKey = (entity: AuditEntity): MessageKey => `office.audit.entity.${entity}`;
export const actionKey = (action: AuditAction): MessageKey => `office.audit.action.${action}`;

/** An entity's name in the user's language; an entry older than the names shows its code. */
export const entityText = (t: Translate, entity: string): string => {
  const known = AuditEntity.safeParse(entity);
  return known.success ? t(entityKey(known.data)) : entity;
};

/** What an entry did, in the user's language; an entry older than the names shows its code. */
export const actionText = (t: Translate, action: string): string => {
  const known = AuditAction.safeParse(action);
  return known.success ? t(actionKey(known.data)) : action;
};
