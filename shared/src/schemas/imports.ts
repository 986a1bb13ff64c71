import { z } from 'zod';
import { QueryText } from './common';

/** What a bulk import or export (批量导入导出) is about; each kind has its declared columns below. */
export const ImportKind = z.enum(['products', 'barcodes', 'prices', 'suppliers', 'clerks', 'members']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One column of a kind: its key (the English header), its Chinese header, whether a row must fill it. */
export interface ImportColumn {
  key: string;
  zh: string;
  required: boolean;
  /** Only for callers who may see cost prices; left out of their templates and exports otherwise. */
  cost?: boolean;
}

const col = (key: string, zh: string, required = false, cost = false): ImportColumn => ({ key, zh, required, ...(cost ? { cost } : {}) });
const attributes = [1, 2, 3, 4, 5, 6].map((n) => col(`attribute_${n}`, `属性${n}`));

/** The columns of each kind, in template order. A file may name them in English or Chinese, in any order. */
export const importColumns: Record<ImportKind, readonly ImportColumn[]> = {
  products: [
    col('sku', '商品编码', true), col('name_zh', '中文名称', true), col('name_en', '英文名称'), col('category', '分类编码'),
    col('brand', '品牌编码'), col('unit', '单位'), col('weighed', '称重'), col('scale_code', '秤码'), col('status', '状态'),
    col('barcodes', '条码'), col('retail_price', '零售价'), col('cost', '进价', false, true), col('supplier', '主供应商编码'), ...attributes,
  ],
  barcodes: [col('barcode', '条码', true), col('sku', '商品编码', true), col('active', '启用')],
  prices: [col('sku', '商品编码', true), col('store', '门店编码'), col('kind', '价格类型'), col('level', '会员级别编码'), col('price', '价格', true)],
  suppliers: [
    col('code', '供应商编码', true), col('name', '供应商名称', true), col('contact_name', '联系人'), col('phone', '电话'),
    col('email', '邮箱'), col('address', '地址'), col('settlement', '结算方式'), col('active', '启用'),
  ],
  clerks: [
    col('code', '工号', true), col('name', '姓名', true), col('role', '岗位'), col('store', '门店编码'), col('badge', '工牌码'),
    col('commission_grade', '提成级别'), col('pin', '密码'), col('active', '启用'),
  ],
  members: [col('card_no', '卡号', true), col('name', '姓名', true), col('phone', '手机号'), col('level', '会员级别编码', true), col('birthday', '生日'), col('active', '启用')],
};

/** Why a cell or a file was refused; the office words each code in the user's language. */
export const ImportIssueCode = z.enum([
  'UNREADABLE', // the file is neither CSV nor .xlsx, or is damaged
  'NO_ROWS',
  'TOO_MANY_ROWS',
  'UNKNOWN_COLUMN',
  'MISSING_COLUMN',
  'REPEATED_COLUMN',
  'REQUIRED',
  'INVALID', // the value has the wrong form; `expected` says which
  'DUPLICATE_IN_FILE', // `otherRow` holds it first
  'UNKNOWN_REFERENCE', // no such code in the chain
  'TAKEN', // held by another record: `holder` names it
  'OUT_OF_SCOPE', // a store the caller may not manage
]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;

/** One problem: the file's row (1 is the header) and the column key, with what the office needs to word it. */
export const ImportIssue = z.object({
  row: z.number().int().nonnegative(),
  column: z.string(),
  code: ImportIssueCode,
  value: z.string().optional(),
  /** For INVALID: the form expected, as a key the office words (`amount`, `date`, `yes_no`, `one_of`…). */
  expected: z.string().optional(),
  /** For INVALID `one_of`: the values allowed. */
  allowed: z.array(z.string()).optional(),
  otherRow: z.number().int().optional(),
  holder: z.string().optional(),
  /** Developer text in English; the office shows its own words for `code`. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** At most this many issues are listed; `issueCount` counts them all. */
export const MAX_LISTED_ISSUES = 2_000;

/** What comes back with 422 `IMPORT_INVALID` in `error.details`: nothing was written. */
export const ImportReport = z.object({
  kind: ImportKind,
  dryRun: z.boolean(),
  fileName: z.string(),
  checksum: z.string(),
  rows: z.number().int(),
  badRows: z.number().int(),
  issueCount: z.number().int(),
  issues: z.array(ImportIssue),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A file every row of which was good: what was (or, in a dry run, would be) written. */
export const ImportResult = z.object({
  kind: ImportKind,
  dryRun: z.boolean(),
  fileName: z.string(),
  checksum: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows written to each table, by table (`products`, `barcodes`, `prices`, `product_costs`…). */
  written: z.record(z.string(), z.number().int()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  fileName: QueryText(200).optional(),
});

export const ExportQuery = z.object({
  format: ExportFormat.optional(),
  /** The language of the header row. */
  lang: z.enum(['en', 'zh-CN']).optional(),
  /** `true`: the header row alone, as a template to fill. */
  template: z.enum(['true', 'false']).optional(),
});

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
