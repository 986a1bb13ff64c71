import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Whole syllables without tones, and any Latin letters and digits, lower case, no spaces: 可口可乐 → `kekoukele`. */
  pinyin: string;
  /** The first letter of each syllable or Latin word: 可口可乐 → `kkkl`. */
  initials: string;
}

/**
 * The keys a Chinese name is searched by (可乐 by `kl` or `kele`). pinyin-pro reads each character in
 * its context, so a polyphone takes the reading of its word (重庆 → `chongqing`, not `zhongqing`).
 */
export function pinyinKeys(name: string): PinyinKeys {
  const parts = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  return { pinyin: parts.join(''), initials: parts.map((part) => part[0]).join('') };
}

/** A search text as it is compared with the keys: lower case letters and digits only. */
export const pinyinQuery = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
