import { describe, expect, it } from 'vitest';
import { UuidV7, uuidv7, uuidv7Time } from './uuidv7';

const bytes = (fill: number) => new Uint8Array(10).fill(fill);

describe('uuidv7', () => {
  it('makes a valid version 7 id that carries its timestamp', () => {
    const id = uuidv7(1_763_800_000_123, bytes(0xab));
    expect(UuidV7.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(uuidv7Time(id)).toBe(1_763_800_000_123);
  });

  it('sorts by creation time', () => {
    const earlier = uuidv7(1_000, bytes(0xff));
    const later = uuidv7(1_001, bytes(0x00));
    expect(earlier < later).toBe(true);
  });

  it('refuses a timestamp out of range or too few random bytes', () => {
    expect(() => uuidv7(-1, bytes(1))).toThrow(RangeError);
    expect(() => uuidv7(1, new Uint8Array(4))).toThrow(RangeError);
  });
});
