import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@pos/shared';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export function newId(clock: Clock = systemClock): string {
  return uuidv7(clock().getTime(), randomBytes(10));
}
