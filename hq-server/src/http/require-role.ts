import type { UserRole } from '@pos/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, OfficePrincipal } from './app-env';
import { AppError } from './errors';

/** Lets through office users of the given roles only; use after `authenticate('office')`. */
export const requireRole = (...roles: UserRole[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (principal.kind !== 'office' || !roles.includes(principal.role)) {
      throw new AppError('FORBIDDEN', `only ${roles.join(' or ')} may do this`);
    }
    await next();
  });

export const officePrincipal = (principal: AppEnv['Variables']['principal']): OfficePrincipal => {
  if (principal.kind !== 'office') throw new AppError('FORBIDDEN', 'this endpoint is for office users');
  return principal;
};
