import { accessAllows, type ModuleAccess, type OfficeModule } from '@pos/shared';
import { createMiddleware } from 'hono/factory';
import { officePermissionsOf } from '../roles/office-permissions';
import type { AppEnv } from './app-env';
import { AppError } from './errors';

type Need = Exclude<ModuleAccess, 'none'>;

/**
 * Lets an office user through when their office role (or their level's default) grants `need` on
 * one of `modules`; refuses 403 `MODULE_FORBIDDEN` otherwise. Use after `authenticate`: a till
 * passes, since what a till may call is decided by `authenticate` alone.
 */
export const requireModule = (module: OfficeModule | readonly OfficeModule[], need: Need) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (principal.kind === 'office') {
      const { modules } = await officePermissionsOf(c.var.deps.db, principal);
      const wanted = typeof module === 'string' ? [module] : module;
      if (!wanted.some((m) => accessAllows(modules[m], need))) {
        throw new AppError('MODULE_FORBIDDEN', `your role does not let you ${need === 'edit' ? 'change' : 'see'} ${wanted.join(' or ')}`, { module: wanted[0], need });
      }
    }
    await next();
  });
