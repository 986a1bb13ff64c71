import type { UserRole } from '@pos/shared';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../ids';
import type { Observability } from '../observability/observability';
import type { Admission } from './admission';

export type OfficePrincipal = {
  kind: 'office';
  chainId: string;
  userId: string;
  sessionId: string;
  role: UserRole;
  franchiseeId: string | null;
  regionId: string | null;
  storeId: string | null;
};

export type DevicePrincipal = { kind: 'device'; chainId: string; deviceId: string; deviceCode: string; storeId: string; storeTimeZone: string };

export type Principal = OfficePrincipal | DevicePrincipal;

export interface Deps {
  db: Db;
  /** Where reports read: a streaming replica when REPORTS_DATABASE_URL names one; absent, `db`. */
  reportsDb?: Db;
  clock: Clock;
  /** Tests leave TRUST_PROXY out: they talk to HQ directly. */
  config: Pick<Config, 'OFFICE_SESSION_HOURS' | 'CLERK_SESSION_HOURS'> & Partial<Pick<Config, 'TRUST_PROXY'>>;
  /** Request log lines and metrics; absent (tests, tools), requests are not logged or counted and /metrics is closed. */
  observability?: Observability;
  /** How many requests this process takes on at once, and its drain at shutdown; absent (tests, tools), every request is taken. */
  admission?: Admission;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal;
    /** On the sync routes (`authenticateTill`): the hash of the till's token, for the contact statement to check again. */
    tillTokenHash: string;
  };
};
