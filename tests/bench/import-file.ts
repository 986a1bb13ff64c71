import { ean13CheckDigit } from '@pos/hq-server/seed/random';

const brands = ['农夫山泉', '可口可乐', '康师傅', '统一', '伊利', '蒙牛', '乐事', '旺旺', '海天', '立白'];
const kinds = ['矿泉水', '汽水', '绿茶', '纯牛奶', '酸奶', '薯片', '饼干', '方便面', '酱油', '洗衣液'];
const categories = ['DRK1', 'DRK2', 'DRK3', 'DRY1', 'DRY2', 'SNK1', 'SNK2', 'NDL1', 'CND2', 'HSH1'];
const units = ['bottle', 'bottle', 'bottle', 'box', 'box', 'pack', 'pack', 'pack', 'bottle', 'bottle'];

export interface BenchProduct {
  sku: string;
  nameZh: string;
  nameEn: string;
  category: string;
  unit: string;
  barcode: string;
  priceMinor: number;
}

/** The n-th generated product: the same for the same n on every run. */
export function benchProduct(n: number): BenchProduct {
  const body = `699${String(n).padStart(9, '0')}`;
  const k = n % kinds.length;
  return {
    sku: `BEN${String(n).padStart(7, '0')}`,
    nameZh: `${brands[Math.floor(n / 10) % brands.length]}${kinds[k]} ${(n % 997) + 1}号`,
    nameEn: `Bench product ${n}`,
    category: categories[k]!,
    unit: units[k]!,
    barcode: `${body}${ean13CheckDigit(body)}`,
    priceMinor: 100 + ((n * 7919) % 9900),
  };
}

const major = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** The import file of `count` products with a barcode and a retail price each, as the office would upload it. */
export function benchCsv(count: number): string {
  const lines = ['sku,name_zh,name_en,category,unit,barcodes,retail_price'];
  for (let n = 1; n <= count; n++) {
    const p = benchProduct(n);
    lines.push(`${p.sku},${p.nameZh},${p.nameEn},${p.category},${p.unit},${p.barcode},${major(p.priceMinor)}`);
  }
  return `${lines.join('\n')}\n`;
}
