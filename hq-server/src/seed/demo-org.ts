import { defaultPricingSettings, minor, type PricingSettings, type UserRole } from '@pos/shared';

export const DEMO_CHAIN = { code: 'DEMO', name: '好邻居便利 Good Neighbour Stores', currency: 'CNY', timeZone: 'Asia/Shanghai' };
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_PIN = '1234';

/**
 * The demo chain's settings row, written with the chain. Its scales print weight labels
 * starting 22 and price labels on every other 2x prefix: a scan takes the first layout that
 * matches, so the specific one comes first. Cash rounding stays off. Returns take back promotions
 * the kept goods no longer earn, and a refund above ¥200 needs a store manager.
 */
export const demoPricingSettings: PricingSettings = {
  cashRounding: defaultPricingSettings.cashRounding,
  scaleLayouts: [
    { id: 'scale-weight-22', pattern: '22PPPPPVVVVVC', value: 'weight' },
    { id: 'scale-price', pattern: '2FPPPPPVVVVVC', value: 'price' },
  ],
  returns: { clawBackPromotions: true, managerPinAboveMinor: minor(20_000), vouchersAsCash: false },
};

/** A small franchise store with no scale: it carries everything but the loose goods sold by weight. */
export const demoAssortmentStore = 'S007';

export const demoFranchisees = [
  { key: 'east', code: 'F01', name: '华东加盟商 East China Retail Co.', contact: '王先生 138 0000 1001' },
  { key: 'west', code: 'F02', name: '西城加盟商 Westside Franchise Ltd.', contact: '李女士 139 0000 2002' },
] as const;

export type FranchiseeKey = (typeof demoFranchisees)[number]['key'];

export const demoStores: { code: string; nameZh: string; nameEn: string; franchisee: FranchiseeKey | null; traffic: number }[] = [
  { code: 'S001', nameZh: '人民广场店', nameEn: "People's Square", franchisee: null, traffic: 70 },
  { code: 'S002', nameZh: '陆家嘴店', nameEn: 'Lujiazui', franchisee: null, traffic: 60 },
  { code: 'S003', nameZh: '徐家汇店', nameEn: 'Xujiahui', franchisee: null, traffic: 55 },
  { code: 'S004', nameZh: '静安寺店', nameEn: "Jing'an Temple", franchisee: 'east', traffic: 45 },
  { code: 'S005', nameZh: '五角场店', nameEn: 'Wujiaochang', franchisee: 'east', traffic: 40 },
  { code: 'S006', nameZh: '虹桥店', nameEn: 'Hongqiao', franchisee: 'west', traffic: 35 },
  { code: 'S007', nameZh: '中山公园店', nameEn: 'Zhongshan Park', franchisee: 'west', traffic: 30 },
];

export const demoClerkNames = [
  '张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄丽', '周杰', '吴婷', '徐强', '孙悦', '马超', '朱琳',
  '胡斌', '郭娟', '何涛', '林燕', '高峰', '罗霞', '郑凯', '梁雪', '谢勇', '宋佳', '唐亮', '韩梅', '冯刚', '邓洁',
  // A second sales clerk at the first store (S001), so its lines can be shared between two (营业员分成).
  '秦岚',
];

export const demoUsers: { email: string; name: string; role: UserRole; franchisee?: FranchiseeKey; store?: string }[] = [
  { email: 'hq@demo.pos', name: '总部管理员 HQ Admin', role: 'hq_admin' },
  { email: 'east@demo.pos', name: '王先生 East Franchisee', role: 'franchisee', franchisee: 'east' },
  { email: 'west@demo.pos', name: '李女士 West Franchisee', role: 'franchisee', franchisee: 'west' },
  { email: 's001@demo.pos', name: '人民广场店长 S001 Manager', role: 'store_manager', store: 'S001' },
];
