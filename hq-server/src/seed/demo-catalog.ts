import type { Random } from './random';

type Named = { zh: string; en: string };
type Kind = Named & { min: number; max: number; unit: 'piece' | 'bottle' | 'box' | 'pack' };
type Family = { code: string; name: Named; brands: Named[]; kinds: Kind[]; variants: Named[]; sizes: string[] };

const n = (zh: string, en: string): Named => ({ zh, en });
const k = (zh: string, en: string, min: number, max: number, unit: Kind['unit'] = 'piece'): Kind => ({ zh, en, min, max, unit });

/** Second-level categories with the brands, kinds, variants and sizes a Chinese convenience chain stocks. */
export const families: Family[] = [
  { code: 'DRK', name: n('饮料', 'Drinks'), brands: [n('农夫山泉', 'Nongfu Spring'), n('可口可乐', 'Coca-Cola'), n('百事', 'Pepsi'), n('康师傅', 'Master Kong'), n('统一', 'Uni-President'), n('元气森林', 'Genki Forest')],
    kinds: [k('矿泉水', 'Mineral Water', 150, 400, 'bottle'), k('汽水', 'Soda', 300, 600, 'bottle'), k('绿茶', 'Green Tea', 300, 550, 'bottle'), k('果汁', 'Juice', 400, 900, 'bottle'), k('气泡水', 'Sparkling Water', 450, 700, 'bottle')],
    variants: [n('原味', 'Original'), n('柠檬', 'Lemon'), n('蜜桃', 'Peach'), n('青柠', 'Lime'), n('无糖', 'Sugar-free'), n('葡萄', 'Grape')], sizes: ['330ml', '500ml', '550ml', '1L', '1.5L'] },
  { code: 'DRY', name: n('乳制品', 'Dairy'), brands: [n('伊利', 'Yili'), n('蒙牛', 'Mengniu'), n('光明', 'Bright Dairy'), n('君乐宝', 'Junlebao')],
    kinds: [k('纯牛奶', 'Whole Milk', 300, 700, 'box'), k('酸奶', 'Yogurt', 500, 1200, 'box'), k('奶酪棒', 'Cheese Sticks', 1500, 3500, 'pack'), k('豆奶', 'Soy Milk', 300, 600, 'box')],
    variants: [n('原味', 'Plain'), n('草莓', 'Strawberry'), n('低脂', 'Low-fat'), n('高钙', 'High-calcium'), n('香蕉', 'Banana')], sizes: ['200ml', '250ml', '1L', '6×200ml', '12×250ml'] },
  { code: 'SNK', name: n('休闲零食', 'Snacks'), brands: [n('乐事', "Lay's"), n('旺旺', 'Want Want'), n('奥利奥', 'Oreo'), n('达利园', 'Daliyuan'), n('三只松鼠', 'Three Squirrels'), n('良品铺子', 'Bestore')],
    kinds: [k('薯片', 'Potato Chips', 600, 1300, 'pack'), k('饼干', 'Biscuits', 500, 1500, 'pack'), k('坚果', 'Mixed Nuts', 1500, 5900, 'pack'), k('面包', 'Bread', 400, 1200, 'pack'), k('糖果', 'Candy', 300, 1500, 'pack'), k('巧克力', 'Chocolate', 800, 2500, 'piece')],
    variants: [n('原味', 'Original'), n('黄瓜', 'Cucumber'), n('烧烤', 'BBQ'), n('番茄', 'Tomato'), n('香辣', 'Spicy'), n('海苔', 'Seaweed')], sizes: ['40g', '70g', '104g', '200g', '500g'] },
  { code: 'NDL', name: n('方便食品', 'Instant Food'), brands: [n('康师傅', 'Master Kong'), n('统一', 'Uni-President'), n('今麦郎', 'Jinmailang'), n('白象', 'Baixiang')],
    kinds: [k('方便面', 'Instant Noodles', 350, 650, 'pack'), k('桶面', 'Cup Noodles', 450, 800, 'piece'), k('自热火锅', 'Self-heating Hotpot', 2500, 4500, 'box'), k('火腿肠', 'Ham Sausage', 500, 1500, 'pack')],
    variants: [n('红烧牛肉', 'Braised Beef'), n('老坛酸菜', 'Pickled Cabbage'), n('香辣', 'Spicy'), n('鲜虾', 'Shrimp'), n('番茄', 'Tomato')], sizes: ['单包', '5连包', '大桶', '110g', '5×100g'] },
  { code: 'CND', name: n('粮油调味', 'Pantry'), brands: [n('金龙鱼', 'Arawana'), n('海天', 'Haitian'), n('老干妈', 'Lao Gan Ma'), n('李锦记', 'Lee Kum Kee'), n('福临门', 'Fortune')],
    kinds: [k('食用油', 'Cooking Oil', 3500, 9900, 'bottle'), k('酱油', 'Soy Sauce', 800, 2500, 'bottle'), k('辣酱', 'Chili Sauce', 900, 1800, 'bottle'), k('大米', 'Rice', 2500, 8900, 'pack'), k('醋', 'Vinegar', 600, 1500, 'bottle')],
    variants: [n('经典', 'Classic'), n('特级', 'Premium'), n('有机', 'Organic'), n('减盐', 'Low-salt'), n('家庭装', 'Family')], sizes: ['500ml', '1.8L', '5L', '280g', '5kg'] },
  { code: 'HSH', name: n('家庭清洁', 'Household'), brands: [n('立白', 'Liby'), n('蓝月亮', 'Blue Moon'), n('维达', 'Vinda'), n('清风', 'Breeze'), n('心相印', 'Hearttex')],
    kinds: [k('洗衣液', 'Laundry Liquid', 1900, 5900, 'bottle'), k('洗洁精', 'Dish Soap', 600, 1600, 'bottle'), k('抽纸', 'Facial Tissue', 900, 3500, 'pack'), k('卷纸', 'Toilet Roll', 1500, 4900, 'pack'), k('湿巾', 'Wet Wipes', 500, 1500, 'pack')],
    variants: [n('薰衣草', 'Lavender'), n('柠檬', 'Lemon'), n('无香', 'Unscented'), n('除菌', 'Antibacterial'), n('原木', 'Natural Wood')], sizes: ['1kg', '2kg', '3层×10包', '500g', '80片'] },
  { code: 'PRC', name: n('个人护理', 'Personal Care'), brands: [n('高露洁', 'Colgate'), n('佳洁士', 'Crest'), n('舒肤佳', 'Safeguard'), n('海飞丝', 'Head & Shoulders'), n('云南白药', 'Yunnan Baiyao')],
    kinds: [k('牙膏', 'Toothpaste', 900, 3500, 'piece'), k('牙刷', 'Toothbrush', 600, 2500, 'piece'), k('沐浴露', 'Shower Gel', 2500, 5900, 'bottle'), k('洗发水', 'Shampoo', 2900, 6900, 'bottle'), k('香皂', 'Soap', 400, 1200, 'piece')],
    variants: [n('清新薄荷', 'Fresh Mint'), n('美白', 'Whitening'), n('去屑', 'Anti-dandruff'), n('柔顺', 'Smooth'), n('草本', 'Herbal')], sizes: ['120g', '180g', '400ml', '750ml', '2支装'] },
];

/**
 * Loose goods weighed at the counter (散称): priced per kilogram, with no barcode of their own;
 * the scale prints a label carrying the item code, digit for digit as in the chain's layouts.
 */
export const demoWeighedProducts = [
  { scaleItemCode: '10001', nameZh: '散称混合坚果', nameEn: 'Loose Mixed Nuts', kindCode: 'SNK3', pricePerKgMinor: 8990 },
  { scaleItemCode: '10002', nameZh: '散称水果糖', nameEn: 'Loose Fruit Candy', kindCode: 'SNK5', pricePerKgMinor: 3990 },
  { scaleItemCode: '10003', nameZh: '散称黄油曲奇', nameEn: 'Loose Butter Cookies', kindCode: 'SNK2', pricePerKgMinor: 4580 },
  { scaleItemCode: '10004', nameZh: '散称黑巧克力', nameEn: 'Loose Dark Chocolate', kindCode: 'SNK6', pricePerKgMinor: 12800 },
];

export interface DemoProduct {
  index: number;
  familyCode: string;
  kindCode: string;
  nameZh: string;
  nameEn: string;
  brand: string;
  unit: Kind['unit'];
  /** The pack size as printed (330ml, 5kg…). */
  size: string;
  priceMinor: number;
}

/** Shelf prices end in 0, 5 or 9 fen-tenths, as Chinese retailers price: 3.50, 12.90, 5.95. */
function shelfPrice(random: Random, min: number, max: number): number {
  const raw = random.int(min, max);
  const tenths = Math.round(raw / 10) * 10;
  return Math.max(100, tenths - random.pick([0, 0, 1, 5]) * (tenths >= 1000 ? 10 : 1));
}

/** `count` distinct products, spread evenly over the families; pack multiples keep names distinct at 100,000. */
export function demoProducts(random: Random, count: number): DemoProduct[] {
  const out: DemoProduct[] = [];
  const packs = [n('', ''), n('×2', '×2'), n('×6', '×6'), n('×12', '×12'), n('×24', '×24')];
  for (let series = 0; out.length < count; series++) {
    const pack = packs[series % packs.length]!;
    const edition = Math.floor(series / packs.length);
    for (const family of families)
      for (const brand of family.brands)
        for (const [kindIndex, kind] of family.kinds.entries())
          for (const variant of family.variants)
            for (const size of family.sizes) {
              if (out.length >= count) return out;
              const suffixZh = `${pack.zh}${edition ? ` 第${edition + 1}版` : ''}`;
              const suffixEn = `${pack.en}${edition ? ` ed.${edition + 1}` : ''}`;
              const multiple = [1, 2, 6, 12, 24][series % packs.length]!;
              out.push({
                index: out.length, familyCode: family.code, kindCode: `${family.code}${kindIndex + 1}`,
                nameZh: `${brand.zh}${variant.zh}${kind.zh} ${size}${suffixZh}`.trim(),
                nameEn: `${brand.en} ${variant.en} ${kind.en} ${size}${suffixEn}`.trim(),
                brand: brand.en, unit: kind.unit, size, priceMinor: shelfPrice(random, kind.min, kind.max) * multiple,
              });
            }
  }
  return out;
}
