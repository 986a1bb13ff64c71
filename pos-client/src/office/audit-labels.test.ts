import { AuditAction, AuditEntity } from '@pos/shared';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeMessagesEn } from '../i18n/office-messages-en';
import { officeMessagesZh } from '../i18n/office-messages-zh';
import { actionKey, actionText, entityKey, entityText } from './audit-labels';

const hqSource = join(__dirname, '../../../hq-server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every string literal given as `entity:` or `action:` in HQ's services, where `recordAudit` is called. */
function codesInSource(field: 'entity' | 'action'): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(hqSource)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(')) continue;
    for (const match of text.matchAll(new RegExp(`\\b${field}: (?:[^,}]*\\? )?'([a-z_]+)'(?: : '([a-z_]+)')?`, 'g'))) {
      for (const code of match.slice(1)) if (code) codes.add(code);
    }
  }
  return codes;
}

const labelled = (key: string) => [officeMessagesEn[key as keyof typeof officeMessagesEn], officeMessagesZh[key as keyof typeof officeMessagesZh]];

describe('audit trail labels', () => {
  it('names every entity and action recordAudit is called with, in English and in Chinese', () => {
    const entities = codesInSource('entity');
    const actions = codesInSource('action');
    expect(entities.size).toBeGreaterThan(20);
    expect(actions.size).toBeGreaterThan(10);
    expect([...entities].filter((e) => !AuditEntity.safeParse(e).success)).toEqual([]);
    expect([...actions].filter((a) => !AuditAction.safeParse(a).success)).toEqual([]);
    for (const entity of AuditEntity.options) {
      const [en, zh] = labelled(entityKey(entity));
      expect(en, entity).toMatch(/^[A-Z]/);
      expect(zh, entity).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const action of AuditAction.options) {
      const [en, zh] = labelled(actionKey(action));
      expect(en, action).toMatch(/^[A-Z]/);
      expect(zh, action).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('shows an older entry’s unknown code as it is', () => {
    const t = (key: string) => `«${key}»`;
    expect(entityText(t, 'product')).toBe('«office.audit.entity.product»');
    expect(actionText(t, 'reset_pin')).toBe('«office.audit.action.reset_pin»');
    expect(entityText(t, 'gadget')).toBe('gadget');
    expect(actionText(t, 'frobnicate')).toBe('frobnicate');
  });
});
