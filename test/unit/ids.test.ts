import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate, version } from 'uuid';
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
});
