import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../catalog/pinyin';
import { demoProducts, demoWeighedProducts } from './demo-catalog';
import { seededRandom } from './random';
import { cachedPinyinKeys } from './seed-pinyin';

describe('cachedPinyinKeys', () => {
  it('gives every demo name the keys pinyinKeys gives the whole name', () => {
    const keysOf = cachedPinyinKeys();
    const names = [...demoProducts(seededRandom(7), 6000).map((p) => p.nameZh), ...demoWeighedProducts.map((p) => p.nameZh)];
    for (const name of names) {
      const whole = pinyinKeys(name);
      expect(keysOf(name), name).toEqual({ pinyin: whole.pinyin, pinyinInitials: whole.initials });
    }
  });
});
