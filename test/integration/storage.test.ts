import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../support/populate';
import { call, testRegistry } from '../support/registry';

/**
 * A full disk, made with SQLite's max_page_count: the write that does not fit is refused
 * whole with a clear message in the user's language, and the registry stays consistent.
 */
describe('a full disk', () => {
  it('refuses the write that does not fit, whole, and says why in both languages', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-full-')), 'registry.db');
    const registry = await testRegistry({ file, backups: 'off' });
    const pages = Number(registry.sqlite.pragma('page_count', { simple: true }));
    registry.sqlite.pragma(`max_page_count = ${pages + 8}`);
    let accepted = 0;
    let refusal: unknown = null;
    let before = '';
    for (let i = 0; i < 500 && refusal === null; i++) {
      before = digest(registry.sqlite);
      const input = {
        local: `区${i}`,
        local_level: 'county',
        partner: `Partner ${i}`,
        country: 'JP',
        notes: `${i} `.repeat(1300),
      };
      const result = await registry.door('ties:create', input, { trusted: true, lang: 'en' });
      if (result.ok) accepted++;
      else {
        refusal = result.error;
        const zh = await registry.door('ties:create', input, { trusted: true, lang: 'zh' });
        expect(zh).toMatchObject({ ok: false, error: { code: 'storage', key: 'storage.full' } });
        expect((zh as { error: { message: string } }).error.message).toBe(
          '无法保存：磁盘已满，或登记簿已达到容量上限。未做任何更改；请释放空间后重试。',
        );
      }
    }
    expect(accepted).toBeGreaterThan(0);
    expect(refusal).toMatchObject({
      code: 'storage',
      key: 'storage.full',
      message:
        'The registry could not be saved: the disk is full, or the registry reached its size limit. Nothing was changed; free some space and try again.',
    });
    // Nothing of the refused write is there (its locality, partner, tie, events, audit rows).
    expect(digest(registry.sqlite)).toBe(before);
    expect(registry.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Reads still work, and so do writes once there is room again.
    const listed = await call<{ total: number }>(registry, 'ties:list', {});
    expect(listed.total).toBe(accepted);
    registry.sqlite.pragma(`max_page_count = ${pages + 1000}`);
    await call(registry, 'ties:create', {
      local: '南京市',
      local_level: 'city',
      partner: 'Turku',
      country: 'FI',
    });
    await registry.close();
  });
});
