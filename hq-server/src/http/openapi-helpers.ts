import { z } from '@hono/zod-openapi';
import { ErrorBody } from '@pos/shared';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const errorResponse = (description: string) => jsonResponse(ErrorBody, description);

/** The error answers every authenticated route can give. */
export const commonErrors = {
  400: errorResponse('Invalid input; `details` lists each problem'),
  401: errorResponse('Missing, unknown or expired token'),
  403: errorResponse('The caller may not use this endpoint'),
  404: errorResponse('Not found, or outside the caller’s scope'),
} as const;

export const bearer = [{ bearer: [] }];

/** The id of the one row a route acts on, in its path (`/promotions/{id}`). */
export const IdParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
