import { afterEach, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7, validate, version } from 'uuid';
import { pooledUuidV7 } from '../../main/core/context';

/** The 48-bit millisecond timestamp a UUIDv7 begins with. */
const msecsOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('record ids', () => {
  it('are valid, distinct UUIDv7s carrying the time they were made', () => {
    const ids = pooledUuidV7();
    const before = Date.now();
    const made = Array.from({ length: 5000 }, () => ids.next());
    const after = Date.now();
    expect(new Set(made).size).toBe(5000);
    for (const id of made) {
      expect(validate(id) && version(id)).toBe(7);
      // RFC 9562 variant: the first hex digit of the fourth group is 8, 9, a or b.
      expect(id[19]).toMatch(/[89ab]/);
      expect(msecsOf(id)).toBeGreaterThanOrEqual(before);
      expect(msecsOf(id)).toBeLessThanOrEqual(after);
    }
  });

  it('keep the order they were made in, within one millisecond and across several', () => {
    const ids = pooledUuidV7();
    const now = vi.spyOn(Date, 'now');
    let clock = 1_790_000_000_000;
    now.mockImplementation(() => clock);
    const made: string[] = [];
    // 600 ids a millisecond: more than one pool of random bytes (256 ids) within the same one.
    for (let ms = 0; ms < 5; ms++, clock++) for (let i = 0; i < 600; i++) made.push(ids.next());
    expect(made).toEqual([...made].sort());
    expect(new Set(made.map(msecsOf))).toEqual(
      new Set([0, 1, 2, 3, 4].map((ms) => 1_790_000_000_000 + ms)),
    );
  });

  it('stay in order when the clock steps back', () => {
    const ids = pooledUuidV7();
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_790_000_000_500);
    const first = ids.next();
    now.mockReturnValue(1_790_000_000_000);
    const second = ids.next();
    expect(second > first).toBe(true);
    expect(msecsOf(second)).toBe(1_790_000_000_500);
  });

  it('are the ids the uuid library makes from the same random bytes, time and counter', () => {
    let fill = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + fill * 101 + 11) % 256;
      fill++;
      return array;
    });
    const now = vi.spyOn(Date, 'now');
    let clock = 1_790_000_000_000;
    now.mockImplementation(() => clock);
    const ids = pooledUuidV7();
    const pool = new Uint8Array(16 * 256);
    // What the pool holds at each refill, as the mock fills it.
    const poolAt = (refill: number) => pool.map((_, i) => (i * 37 + refill * 101 + 11) % 256);
    let msecs = -Infinity;
    let seq = 0;
    for (let n = 0; n < 600; n++) {
      if (n % 7 === 0) clock++;
      const at = (n % 256) * 16;
      const random = poolAt(Math.floor(n / 256)).slice(at, at + 16);
      if (clock > msecs) {
        seq = (random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
        msecs = clock;
      } else seq = (seq + 1) | 0;
      expect(ids.next()).toBe(uuidv7({ random, msecs, seq }));
    }
  });
});
