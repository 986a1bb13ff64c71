import { describe, expect, it } from 'vitest';
import { pinyinKeys, pinyinQuery } from './pinyin';

describe('pinyin keys', () => {
  it('finds 可乐 by its initials and by its whole pinyin', () => {
    expect(pinyinKeys('可口可乐')).toEqual({ pinyin: 'kekoukele', initials: 'kkkl' });
    expect(pinyinKeys('可乐').initials).toBe('kl');
    expect(pinyinKeys('可乐').pinyin).toBe('kele');
  });

  it('reads a polyphone as its word says and keeps Latin words and sizes', () => {
    expect(pinyinKeys('重庆小面').pinyin).toBe('chongqingxiaomian');
    expect(pinyinKeys('银行卡').pinyin).toBe('yinhangka');
    expect(pinyinKeys('农夫山泉 550ml')).toEqual({ pinyin: 'nongfushanquan550ml', initials: 'nfsq5' });
  });

  it('compares searches without case, spaces or marks', () => {
    expect(pinyinQuery(' Ke-Le ')).toBe('kele');
  });
});
