import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

/**
 * Text every engine can store: NUL and lone surrogates are refused at the door, by the same
 * schemas on SQLite and PostgreSQL (so a file registry always migrates to a server), worded
 * as a validation of the field, never `internal`.
 */
let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(() => registry.close());

const tie = { local: '南京', local_level: 'city', partner: 'Perth', country: 'AU' };
const HOSTILE: [string, string][] = [
  ['a NUL', 'Per\u0000th'],
  ['a lone high surrogate', 'Perth \uD83D'],
  ['a lone low surrogate', '\uDE00Perth'],
];

describe('text no engine can store', () => {
  it.each(HOSTILE)(
    'is refused with %s, naming the field, and nothing is written',
    async (_what, bad) => {
      for (const [channel, input, field] of [
        ['ties:create', { ...tie, partner: bad }, 'partner'],
        ['ties:create', { ...tie, notes: bad }, 'notes'],
        ['settings:update', { patch: { officeName: bad } }, 'officeName'],
        [
          'views:save',
          { grid: 'ties', name: 'mine', state: { columns: [{ colId: bad }] } },
          'state',
        ],
        ['views:save', { grid: 'ties', name: bad, state: {} }, 'name'],
      ] as const) {
        const result = await registry.door(channel, input, { trusted: true, lang: 'en' });
        expect(result, `${channel} ${field}`).toMatchObject({
          ok: false,
          error: { code: 'validation' },
        });
        if (!result.ok) {
          expect(result.error.details?.[0]?.path).toContain(field);
          // A name refuses a broken character pair by its own rule (shared/names.ts) first.
          const key = result.error.details?.[0]?.key;
          expect(key).toMatch(/^errors\.(validation\.unstorable|name\.surrogate)$/);
          if (key === 'errors.validation.unstorable')
            expect(result.error.message).toMatch(/a character no registry can store/);
        }
      }
      expect((await call<{ total: number }>(registry, 'ties:list', {})).total).toBe(0);
      expect(await call(registry, 'views:list', { grid: 'ties' })).toEqual([]);
    },
  );

  it('keeps whole characters outside the basic plane, and says why in Chinese', async () => {
    const made = await call<TieRow>(registry, 'ties:create', { ...tie, notes: '友谊 😀 𠮷' });
    expect(made.notes).toBe('友谊 😀 𠮷');
    const zh = await registry.door(
      'ties:create',
      { ...tie, partner: 'a\u0000' },
      { trusted: true, lang: 'zh' },
    );
    expect(!zh.ok && zh.error.message).toMatch(/无法保存的字符/);
  });
});
