import { describe, expect, it } from 'vitest';
import { cola, createTestDb, looseNuts } from '../../db/test-db.fixture';
import { searchProducts } from './search-products';

async function dbWithCatalog() {
  const db = createTestDb();
  const cider = { ...cola, id: '0195505c-0000-7000-8000-0000000000c9', sku: 'CIDER-1', nameZh: '苹果汁', nameEn: 'Apple Juice', pinyin: 'pingguozhi', pinyinInitials: 'pgz' };
  await db.products.bulkPut([cola, looseNuts, cider]);
  await db.barcodes.bulkPut([
    { code: '6901234567892', productId: cola.id, active: true },
    { code: '6901234567885', productId: cola.id, active: true },
    { code: '6909999999994', productId: cider.id, active: true },
  ]);
  return db;
}

const ids = (matches: Awaited<ReturnType<typeof searchProducts>>) => matches.map((m) => m.product.sku);

describe('searchProducts (till)', () => {
  it('finds a Chinese name by the start of its pinyin initials or whole pinyin, in any case', async () => {
    const db = await dbWithCatalog();
    expect(ids(await searchProducts(db, 'kl'))).toEqual(['COLA-330']);
    expect(ids(await searchProducts(db, 'KeLe'))).toEqual(['COLA-330']);
    expect(ids(await searchProducts(db, 'pg'))).toEqual(['CIDER-1']);
    expect(ids(await searchProducts(db, 'schh'))).toEqual(['NUTS-LOOSE']);
  });

  it('finds by the start of a barcode, a SKU or the Chinese name, each with the barcode it sells by', async () => {
    const db = await dbWithCatalog();
    expect(await searchProducts(db, '69012345678')).toEqual([{ product: cola, barcode: '6901234567885' }]);
    expect(ids(await searchProducts(db, 'cider'))).toEqual(['CIDER-1']);
    expect(ids(await searchProducts(db, '苹果'))).toEqual(['CIDER-1']);
    expect(await searchProducts(db, '散称')).toEqual([{ product: looseNuts, barcode: null }]);
  });

  it('finds nothing for empty text or text nothing starts with', async () => {
    const db = await dbWithCatalog();
    expect(await searchProducts(db, '  ')).toEqual([]);
    expect(await searchProducts(db, 'zz')).toEqual([]);
  });
});
