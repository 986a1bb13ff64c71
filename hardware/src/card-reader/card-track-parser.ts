import type { CardSwipe } from '@pos/shared/bridge/index';

/**
 * Magnetic-stripe readers in keyboard mode type track 1 (`%B<number>^<NAME>^<YYMM>…?`) and
 * track 2 (`;<number>=<YYMM>…?`). A reader that cannot read a track types `%E?` or `;E?`.
 */
export type SwipeOutcome = { ok: true; card: CardSwipe } | { ok: false; reason: 'misread' };

const TRACK1 = /%B(\d{6,19})\^([^^?]{0,26})\^(\d{4})?[^?]*\?/;
const TRACK2 = /;(\d{6,19})=(\d{4})?[^?]*\?/;

export function parseSwipe(typed: string): SwipeOutcome {
  const one = TRACK1.exec(typed);
  const two = TRACK2.exec(typed);
  if (!one && !two) return { ok: false, reason: 'misread' };
  if (one && two && one[1] !== two[1]) return { ok: false, reason: 'misread' };
  const number = (one?.[1] ?? two?.[1])!;
  const name = one?.[2]?.trim() ? formatName(one[2]) : null;
  const expiry = one?.[3] ?? two?.[2] ?? null;
  const tracks = [...(one ? [1 as const] : []), ...(two ? [2 as const] : [])];
  return { ok: true, card: { number, name, expiry, tracks } };
}

/** "ZHANG/SAN" → "SAN ZHANG": the stripe stores surname first. */
function formatName(raw: string): string {
  const [surname = '', given = ''] = raw.trim().split('/');
  return given.trim() ? `${given.trim()} ${surname.trim()}` : surname.trim();
}

/** What may appear in a log: the last four digits only. */
export function maskCardNumber(number: string): string {
  return `${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}
