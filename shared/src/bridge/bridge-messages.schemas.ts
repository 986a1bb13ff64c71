import { z } from 'zod';
import { ReceiptDocument } from '../receipt/receipt-documents.schemas';
import { ReceiptModel } from '../receipt/receipt-model.schemas';

/** Messages the till sends. Each carries an id that the answer repeats. */
const RequestId = z.string().min(1).max(64);
const PrinterId = z.string().min(1).max(64).optional();
const PrintOptions = {
  id: RequestId,
  /** Made by the till; sending the same job twice prints it once. */
  jobId: z.uuid(),
  printerId: PrinterId,
  openDrawer: z.boolean().optional(),
};

export const PairRequest = z.object({ id: RequestId, type: z.literal('pair'), code: z.string().regex(/^\d{6}$/), tillName: z.string().min(1).max(60) });
export const DevicesListRequest = z.object({ id: RequestId, type: z.literal('devices.list') });
export const PrintReceiptRequest = z.object({ ...PrintOptions, type: z.literal('print.receipt'), receipt: ReceiptModel });
export const PrintDocumentRequest = z.object({ ...PrintOptions, type: z.literal('print.document'), document: ReceiptDocument });
export const DrawerOpenRequest = z.object({
  id: RequestId,
  type: z.literal('drawer.open'),
  printerId: PrinterId,
  /** The sale the drawer opens for; null for a no-sale opening, which is logged as such. */
  saleId: z.string().min(1).max(64).nullable(),
});
export const JobGetRequest = z.object({ id: RequestId, type: z.literal('job.get'), jobId: z.uuid() });

export const BridgeRequest = z.discriminatedUnion('type', [PairRequest, DevicesListRequest, PrintReceiptRequest, PrintDocumentRequest, DrawerOpenRequest, JobGetRequest]);
export type BridgeRequest = z.infer<typeof BridgeRequest>;
export type BridgeRequestType = BridgeRequest['type'];
