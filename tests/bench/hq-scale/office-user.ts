import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { HqConnection } from './http-client';
import type { Recorder } from './recorder';

const OFFICE_EMAIL = 'hq@demo.pos';

/** Today and the first of this month in the chain's time zone (the demo chain's stores are in Shanghai). */
function chainDays(): { today: string; monthStart: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { today, monthStart: `${today.slice(0, 8)}01` };
}

/** The questions an HQ analyst keeps asking through the day: today by store, hour and tender, this month by category and top products. */
function questions(): Record<string, string>[] {
  const { today, monthStart } = chainDays();
  return [
    { from: today, to: today, by: 'store', limit: '1000' },
    { from: today, to: today, by: 'hour' },
    { from: monthStart, to: today, by: 'category' },
    { from: monthStart, to: today, by: 'product', limit: '200' },
    { from: today, to: today, by: 'tender' },
  ];
}

/** Signs the chain's HQ user in through HQ's API (once: sign-in is rate limited). */
export async function signInOffice(hq: HqConnection): Promise<string> {
  const body = JSON.stringify({ email: OFFICE_EMAIL, password: DEMO_PASSWORD });
  const answer = await hq.call({ method: 'POST', path: '/auth/office/sign-in', headers: { 'content-type': 'application/json', accept: 'application/json' }, body, timeoutMs: 30_000 });
  const token = answer.kind === 'answer' && typeof answer.body === 'object' && answer.body !== null && 'token' in answer.body ? answer.body.token : null;
  if (answer.kind !== 'answer' || answer.status !== 200 || typeof token !== 'string') throw new Error(`hq-scale bench: the office sign-in failed: ${JSON.stringify(answer)}`);
  return token;
}

/**
 * One office user reading `GET /reports/sales-analysis` every `everySeconds` (±20%), one
 * question after another, through each HQ process in turn as a balancer would send them.
 */
export function startOfficeUser(connections: readonly HqConnection[], token: string, recorder: Recorder, everySeconds: number) {
  let stopped = false;
  let asked = 0;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void ask().finally(next), everySeconds * 1000 * (0.8 + 0.4 * Math.random()));
  };
  const ask = async () => {
    const all = questions();
    const question = all[asked % all.length]!;
    const hq = connections[asked % connections.length]!;
    asked += 1;
    const answer = await hq.call({ method: 'GET', path: `/reports/sales-analysis?${new URLSearchParams(question)}`, headers: { accept: 'application/json', authorization: `Bearer ${token}` }, timeoutMs: 60_000 });
    recorder.answered('report', answer);
  };
  next();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
