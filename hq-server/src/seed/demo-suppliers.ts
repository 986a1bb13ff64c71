import type { Db } from '../db/client';
import { newId, type Clock } from '../ids';
import { supplierProducts, suppliers } from '../suppliers/suppliers.tables';

type DemoSupplier = Omit<typeof suppliers.$inferInsert, 'chainId' | 'id' | 'updatedAt'> & { brands: readonly string[] };

/** Eight suppliers, each distributing some of the catalog's brands (by their English names). */
export const demoSuppliers: DemoSupplier[] = [
  { code: 'SUP01', name: '上海饮品配送有限公司 Shanghai Beverage Distribution', contactName: '陈经理', phone: '021 5888 0101', email: 'orders@drinks.example.cn', address: '上海市闵行区华漕镇纪翟路 88 号', settlement: 'on_delivery', brands: ['Nongfu Spring', 'Coca-Cola', 'Pepsi', 'Genki Forest'] },
  { code: 'SUP02', name: '康师傅华东营销 Master Kong East China Sales', contactName: '刘主管', phone: '021 5888 0202', email: 'east@masterkong.example.cn', address: '上海市松江区九亭镇涞亭南路 2 号', settlement: 'monthly', brands: ['Master Kong'] },
  { code: 'SUP03', name: '统一企业上海分公司 Uni-President Shanghai', contactName: '周小姐', phone: '021 5888 0303', email: 'sh@uni-president.example.cn', address: '上海市嘉定区安亭镇墨玉路 18 号', settlement: 'monthly', brands: ['Uni-President'] },
  { code: 'SUP04', name: '华东乳品冷链 East China Dairy Cold Chain', contactName: '吴经理', phone: '021 5888 0404', email: 'coldchain@dairy.example.cn', address: '上海市宝山区罗店镇美丹路 66 号', settlement: 'on_delivery', brands: ['Yili', 'Mengniu', 'Bright Dairy', 'Junlebao'] },
  { code: 'SUP05', name: '沪上休闲食品批发 Hushang Snacks Wholesale', contactName: '郑先生', phone: '021 5888 0505', email: 'sales@snacks.example.cn', address: '上海市普陀区真北路 1108 号', settlement: 'monthly', brands: ["Lay's", 'Want Want', 'Oreo', 'Daliyuan', 'Three Squirrels', 'Bestore'] },
  { code: 'SUP06', name: '良友粮油调味品 Liangyou Pantry Supplies', contactName: '孙经理', phone: '021 5888 0606', email: 'pantry@liangyou.example.cn', address: '上海市浦东新区川沙路 3000 号', settlement: 'monthly', brands: ['Arawana', 'Haitian', 'Lao Gan Ma', 'Lee Kum Kee', 'Fortune', 'Jinmailang', 'Baixiang'] },
  { code: 'SUP07', name: '洁家日化用品 Jiejia Household Supplies', contactName: '马女士', phone: '021 5888 0707', email: 'order@jiejia.example.cn', address: '上海市青浦区华新镇华腾路 120 号', settlement: 'monthly', brands: ['Liby', 'Blue Moon', 'Vinda', 'Breeze', 'Hearttex'] },
  { code: 'SUP08', name: '美洁个护商贸 Meijie Personal Care Trading', contactName: '朱先生', phone: '021 5888 0808', email: 'trade@meijie.example.cn', address: '上海市奉贤区南桥镇百齐路 9 号', settlement: 'monthly', brands: ['Colgate', 'Crest', 'Safeguard', 'Head & Shoulders', 'Yunnan Baiyao'] },
];

export interface SuppliedProduct {
  id: string;
  brand: string;
  priceMinor: number;
}

/** Cost between 65% and 80% of the retail price, varying by product, in basis points. */
export const demoCostRateBp = (index: number): number => 6500 + ((index * 7919) % 1501);

/** The suppliers, and each product of their brands at a cost of 65–80% of its retail price, with the supplier's item number. */
export async function seedDemoSuppliers(tx: Db, clock: Clock, chainId: string, products: readonly SuppliedProduct[]): Promise<void> {
  const updatedAt = clock();
  const rows = demoSuppliers.map(({ brands, ...s }) => ({ ...s, brands, chainId, id: newId(clock), updatedAt }));
  await tx.insert(suppliers).values(rows.map(({ brands: _brands, ...s }) => s));
  const supplierOf = new Map(rows.flatMap((s) => s.brands.map((brand) => [brand, s] as const)));
  const counters = new Map<string, number>();
  const supplied = products.flatMap((p, index) => {
    const supplier = supplierOf.get(p.brand);
    if (!supplier) return [];
    const n = (counters.get(supplier.id) ?? 0) + 1;
    counters.set(supplier.id, n);
    const costMinor = Math.round((p.priceMinor * demoCostRateBp(index)) / 10_000);
    return [{ chainId, supplierId: supplier.id, productId: p.id, costMinor, supplierSku: `${supplier.code}-${String(n).padStart(5, '0')}`, updatedAt }];
  });
  for (let i = 0; i < supplied.length; i += 1000) await tx.insert(supplierProducts).values(supplied.slice(i, i + 1000));
}
