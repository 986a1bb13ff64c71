import { useTillServices } from '../../app/services-context';
import type { TillEventWhat } from './build-till-event';
import { recordTillEvent } from './record-till-event';

/** Records a key used without a sale for the clerk who pressed it, and asks the sync worker to push it soon. */
export function useTillEventRecorder() {
  const services = useTillServices();
  return async (clerkId: string, what: TillEventWhat): Promise<void> => {
    await recordTillEvent(services, clerkId, what);
    services.sync.syncSoon();
  };
}
