import { pinyinKeys } from '../catalog/pinyin';

/**
 * `pinyinKeys` for many generated names at once, each space-separated word worked out once: demo
 * names repeat their brand, kind and size words thousands of times, and pinyin-pro reads context
 * only within a word of Chinese, so the keys are the same as the name's own.
 */
export function cachedPinyinKeys(): (nameZh: string) => { pinyin: string; pinyinInitials: string } {
  const words = new Map<string, { pinyin: string; initials: string }>();
  const wordKeys = (word: string) => {
    let keys = words.get(word);
    if (!keys) words.set(word, (keys = pinyinKeys(word)));
    return keys;
  };
  return (nameZh) => {
    const parts = nameZh.split(' ').map(wordKeys);
    return { pinyin: parts.map((p) => p.pinyin).join(''), pinyinInitials: parts.map((p) => p.initials).join('') };
  };
}
