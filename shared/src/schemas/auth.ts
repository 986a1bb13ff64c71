import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { ClerkRole, Store, TillDevice, UserRole } from './org';
import { OfficePermissions } from './permissions';

export const OfficeSignInBody = z.object({
  email: z.email(),
  password: z.string().min(1).max(200),
});
export type OfficeSignInBody = z.infer<typeof OfficeSignInBody>;

const OfficeSessionUser = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: UserRole });

/** A signed-in office user, with what their role lets them do, so the office shows only what they may use. */
export const OfficeSession = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  user: OfficeSessionUser,
  permissions: OfficePermissions,
});
export type OfficeSession = z.infer<typeof OfficeSession>;

/** The session a request came with, without its token: `GET /auth/office/session`. */
export const OfficeSessionState = OfficeSession.omit({ token: true });
export type OfficeSessionState = z.infer<typeof OfficeSessionState>;

export const CreatePairingCodeBody = z.object({
  storeId: z.uuid(),
  name: SafeText.min(1).max(60),
});
export type CreatePairingCodeBody = z.infer<typeof CreatePairingCodeBody>;

export const PairingCode = z.object({
  code: z.string().regex(/^\d{8}$/),
  deviceId: z.uuid(),
  expiresAt: IsoDateTime,
});
export type PairingCode = z.infer<typeof PairingCode>;

export const PairDeviceBody = z.object({
  code: z.string().trim().regex(/^\d{8}$/, 'a pairing code is 8 digits'),
});
export type PairDeviceBody = z.infer<typeof PairDeviceBody>;

export const PairedDevice = z.object({
  deviceToken: z.string(),
  device: TillDevice,
  store: Store,
  chain: z.object({ id: z.uuid(), name: z.string() }),
});
export type PairedDevice = z.infer<typeof PairedDevice>;

export const ClerkSignInBody = z.object({
  clerkCode: z.string().regex(/^\d{3,8}$/),
  pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits'),
});
export type ClerkSignInBody = z.infer<typeof ClerkSignInBody>;

export const ClerkSession = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  clerk: z.object({ id: z.uuid(), name: z.string(), code: z.string(), role: ClerkRole }),
});
export type ClerkSession = z.infer<typeof ClerkSession>;

/** The till ends a clerk's HQ session with the token sign-in gave it. */
export const ClerkSignOutBody = z.object({ token: z.string().min(1).max(200) });
export type ClerkSignOutBody = z.infer<typeof ClerkSignOutBody>;

/** One office session that has not ended; `current` is the one the request came with. */
export const OfficeSessionInfo = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  current: z.boolean(),
});
export type OfficeSessionInfo = z.infer<typeof OfficeSessionInfo>;

export const OfficeSessionList = z.object({ sessions: z.array(OfficeSessionInfo) });
export type OfficeSessionList = z.infer<typeof OfficeSessionList>;

/** Whose sessions to list: the caller's own when absent. */
export const OfficeSessionsQuery = z.object({ userId: z.uuid({ message: 'must be a UUID' }).optional() });
export type OfficeSessionsQuery = z.infer<typeof OfficeSessionsQuery>;

/** `waiting`: made, not yet paired; `paired`: its token works; `revoked`: its token no longer works until it is paired again. */
export const DeviceState = z.enum(['waiting', 'paired', 'revoked']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceSummary = TillDevice.extend({
  state: DeviceState,
  revokedAt: IsoDateTime.nullable(),
  pairingExpiresAt: IsoDateTime.nullable(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const DeviceList = z.object({ devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;
