import type { PinHash } from '@pos/shared';

/** Checks a PIN against the PBKDF2-SHA-256 hash HQ sends with each clerk, so a clerk can sign in offline. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const derived = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(stored.salt), iterations: stored.iterations }, key, 256),
  );
  if (derived.length !== expected.length) return false;
  // Compare every byte so the time taken does not tell how much of the hash matched.
  let difference = 0;
  derived.forEach((byte, i) => (difference |= byte ^ (expected[i] ?? 0)));
  return difference === 0;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
