import { z } from 'zod';

export const DeviceKind = z.enum(['printer', 'scanner', 'card_reader']);
export type DeviceKind = z.infer<typeof DeviceKind>;
export const DeviceTransport = z.enum(['network', 'serial', 'usb', 'hid', 'simulated']);

/** What the printer itself reports; null where the printer or its link cannot tell. */
export const DeviceStatus = z.object({
  connected: z.boolean(),
  paperOut: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  error: z.string().max(200).nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const DeviceInfo = z.object({
  id: z.string().min(1).max(64),
  kind: DeviceKind,
  name: z.string().max(120),
  transport: DeviceTransport,
  status: DeviceStatus,
  /** Print jobs waiting for this printer (0 for other devices). */
  queued: z.number().int().min(0),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const JobState = z.enum(['queued', 'waiting', 'printing', 'printed', 'failed']);
export type JobState = z.infer<typeof JobState>;

export const JobStatus = z.object({
  jobId: z.uuid(),
  printerId: z.string(),
  documentId: z.string(),
  state: JobState,
  attempts: z.number().int().min(0),
  error: z.string().max(200).nullable(),
  /** Sent again, marked 重印 REPRINT and without opening the drawer, after the printer may have taken part of it (the bridge stopped, or the link broke, while sending it). */
  reprint: z.boolean().optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** A card as read from its stripe. The number goes to the till only; the bridge logs it masked. */
export const CardSwipe = z.object({
  number: z.string().regex(/^\d{6,19}$/),
  name: z.string().max(26).nullable(),
  expiry: z.string().regex(/^\d{4}$/).nullable(),
  tracks: z.array(z.union([z.literal(1), z.literal(2)])).min(1),
});
export type CardSwipe = z.infer<typeof CardSwipe>;
