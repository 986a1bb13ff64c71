import type { Config } from '../config';
import { createLogger, type Logger, type LogWrite } from './logger';
import { createMetrics, type HqMetrics } from './metrics';

/** Who may read GET /metrics: the monitoring that sends the token, anyone, or nobody. */
export type MetricsAccess = { token: string } | 'open' | 'closed';

/** How an HQ process tells what it does: its log, which requests get a line there, its metrics and who may read them. */
export interface Observability {
  logger: Logger;
  logRequests: 'all' | 'failed';
  metrics: HqMetrics;
  metricsAccess: MetricsAccess;
}

/**
 * Observability by the configuration: /metrics behind METRICS_TOKEN when it is set, else open in
 * development (the demo on one machine) and closed in production.
 */
export function observabilityFor(
  config: Pick<Config, 'POS_MODE' | 'METRICS_TOKEN' | 'LOG_FORMAT' | 'LOG_REQUESTS'>, options: { write?: LogWrite; processMetrics?: boolean } = {},
): Observability {
  const metricsAccess: MetricsAccess = config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : config.POS_MODE === 'production' ? 'closed' : 'open';
  return {
    logger: createLogger(config.LOG_FORMAT, { write: options.write }),
    logRequests: config.LOG_REQUESTS,
    metrics: createMetrics({ processMetrics: options.processMetrics }),
    metricsAccess,
  };
}
