import type { HqFailure } from '../../hq/hq-failure';
import type { ProductBody, ProductRecord, ProductStatus, ProductUnit } from '@pos/shared';

/** The product editor's fields: absent selects are undefined, money in yuan as typed. */
export interface ProductFormValues {
  sku: string;
  nameZh: string;
  nameEn: string;
  categoryId?: string;
  brandId?: string;
  supplierId?: string;
  unit: ProductUnit;
  weighed: boolean;
  scaleItemCode?: string;
  status: ProductStatus;
  discontinuedFrom?: string;
  attributes: (string | undefined)[];
  barcodes: string[];
  retailYuan?: number;
}

const blankToNull = (text: string | undefined | null) => (text?.trim() ? text.trim() : null);

export const newProductValues: ProductFormValues = { sku: '', nameZh: '', nameEn: '', unit: 'piece', weighed: false, status: 'new', attributes: ['', '', '', '', '', ''], barcodes: [''] };

export function formValuesOf(record: ProductRecord): ProductFormValues {
  return {
    sku: record.sku, nameZh: record.nameZh, nameEn: record.nameEn, categoryId: record.categoryId ?? undefined, brandId: record.brandId ?? undefined,
    supplierId: record.supplierId ?? undefined, unit: record.unit, weighed: record.weighed, scaleItemCode: record.scaleItemCode ?? undefined,
    status: record.status, discontinuedFrom: record.discontinuedFrom ?? undefined, attributes: record.attributes.map((a) => a ?? ''), barcodes: record.barcodes.length ? record.barcodes : [''],
  };
}

/** The body HQ takes from the editor's values; empty barcode rows are left out. */
export function productBodyOf(values: ProductFormValues): ProductBody {
  const attributes = Array.from({ length: 6 }, (_, i) => blankToNull(values.attributes[i]));
  return {
    sku: values.sku.trim(), nameZh: values.nameZh, nameEn: values.nameEn, categoryId: values.categoryId ?? null, brandId: values.brandId ?? null,
    supplierId: values.supplierId ?? null, unit: values.unit, weighed: values.weighed, scaleItemCode: values.weighed ? blankToNull(values.scaleItemCode) : null,
    status: values.status, discontinuedFrom: values.status === 'discontinued' ? blankToNull(values.discontinuedFrom) : null,
    attributes, barcodes: values.barcodes.map((b) => b.trim()).filter(Boolean),
  };
}

/** A `BARCODE_TAKEN` answer's barcodes with the product that holds each, by the form row they were typed in. */
export function takenBarcodes(failure: HqFailure): { row: number; code: string; sku: string; nameZh: string; nameEn: string }[] {
  if (failure.kind !== 'http' || failure.code !== 'BARCODE_TAKEN' || !Array.isArray(failure.details)) return [];
  return failure.details.flatMap((detail: unknown) => {
    const d = detail as { path?: unknown; code?: unknown; sku?: unknown; nameZh?: unknown; nameEn?: unknown };
    const row = typeof d.path === 'string' ? Number(d.path.split('.')[1]) : NaN;
    return Number.isInteger(row) && typeof d.code === 'string'
      ? [{ row, code: d.code, sku: String(d.sku ?? ''), nameZh: String(d.nameZh ?? ''), nameEn: String(d.nameEn ?? '') }]
      : [];
  });
}
