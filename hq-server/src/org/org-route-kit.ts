import type { z } from '@hono/zod-openapi';
import { ErrorBody } from '@pos/shared';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';

/** What the organisation's routes share: who may call them and the answers they give. */
export const officeRoute = (tag: string) => ({ tags: [tag], security: bearer, middleware: [authenticate('office')] });
/** An HQ action on the organisation: HQ's level, and a role that may change the organisation module. */
export const hqRoute = (tag: string) => ({ tags: [tag], security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('organisation', 'edit')] });

const refusedByState = { 409: jsonResponse(ErrorBody, 'Refused by what HQ holds: a code taken, a store already closed, a region still in use') };
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: jsonResponse(schema, description), ...commonErrors, ...refusedByState });
export const created = <T extends z.ZodType>(schema: T, description: string) => ({ 201: jsonResponse(schema, description), ...commonErrors, ...refusedByState });
