import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@pos/shared';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export function newId(clock: Clock = systemClock): string {
  return uuidv7(clock().getTime(), randomBytes(10));
}

/** Ids a till or the office wrote as free text (a rule's store, a sale's member) must look like a uuid before a uuid column is queried with them. */
export const isUuid = (text: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
