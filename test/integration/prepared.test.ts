import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLocalityByName, insertLocality } from '../../db/localities.repository';
import { findPartner, insertPartner } from '../../db/partners.repository';
import { insideTransaction } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import type { NewRow, Row } from '../../db/schema';
import type { Registry } from '../../main/registry';
import { testRegistry } from '../support/registry';

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

const AT = '2026-01-15T09:00:00.000Z';
const stamps = { version: 1, created_at: AT, updated_at: AT, deleted_at: null };

function partner(id: string, name: string, extra: Partial<Row<'partners'>> = {}): Row<'partners'> {
  return {
    id,
    name,
    name_zh: null,
    name_en: null,
    name_local: null,
    place_kind: 'city',
    country: 'JP',
    region: null,
    pinyin: null,
    initials: null,
    ...stamps,
    ...extra,
  };
}

describe('prepared queries', () => {
  it('run the once-compiled SQL with each call’s values, keeping the query’s own constants', async () => {
    await insertPartner(registry.db, partner('p1', 'Nagoya', { name_zh: '名古屋' }));
    await insertPartner(registry.db, partner('p2', 'Osaka', { deleted_at: AT }));
    await insertPartner(registry.db, partner('p3', 'Perth', { country: 'AU' }));
    const live = prepared(1, (db, country: string) =>
      db
        .selectFrom('partners')
        .select('id')
        .where('country', '=', country)
        .where('place_kind', '=', 'city')
        .where('deleted_at', 'is', null)
        .orderBy('id'),
    );
    expect((await live(registry.db, 'JP')).rows).toEqual([{ id: 'p1' }]);
    expect((await live(registry.db, 'AU')).rows).toEqual([{ id: 'p3' }]);
    expect((await live(registry.db, 'FR')).rows).toEqual([]);
    await registry.db.transaction().execute(async (trx) => {
      expect((await live(trx, 'AU')).rows).toEqual([{ id: 'p3' }]);
    });
  });

  it('run inside the registry’s transaction: seen by it, gone with its rollback, errors rejected', async () => {
    const byId = prepared(1, (db, id: string) =>
      db.selectFrom('partners').select(['id', 'name']).where('id', '=', id),
    );
    await insertPartner(registry.db, partner('p1', 'Nagoya'));
    const rolledBack = registry.db.transaction().execute((trx) =>
      insideTransaction.run(true, async () => {
        await insertPartner(trx, partner('p2', 'Osaka'));
        expect((await byId(trx, 'p2')).rows).toEqual([{ id: 'p2', name: 'Osaka' }]);
        await expect(insertPartner(trx, partner('p1', 'Nagoya again'))).rejects.toThrow(/unique/i);
        throw new Error('roll back');
      }),
    );
    await expect(rolledBack).rejects.toThrow('roll back');
    expect((await byId(registry.db, 'p2')).rows).toEqual([]);
    expect((await byId(registry.db, 'p1')).rows).toEqual([{ id: 'p1', name: 'Nagoya' }]);
  });

  it('refuse a builder that does not bind every value as a parameter', async () => {
    const inlined = prepared(2, (db, id: string, _forgotten: string) =>
      db.selectFrom('partners').select('id').where('id', '=', id),
    );
    await expect(inlined(registry.db, 'p1', 'unused')).rejects.toThrow(/used 1 of its 2 values/);
  });

  it('insert rows naming exactly their columns, and other rows the ordinary way', async () => {
    await insertLocality(registry.db, {
      id: 'l1',
      name: 'Nanjing',
      name_zh: '南京',
      name_en: null,
      level: 'city',
      parent_id: null,
      ...stamps,
    });
    // No version (the schema's types ask for one; the column has a default): the insert
    // leaves it out, so the default applies.
    const withoutVersion = {
      id: 'l2',
      name: 'Wuxi',
      name_zh: null,
      name_en: 'Wuxi',
      level: 'city',
      parent_id: null,
      created_at: AT,
      updated_at: AT,
      deleted_at: null,
    };
    await insertLocality(registry.db, withoutVersion as NewRow<'localities'>);
    expect(await findLocalityByName(registry.db, '南京')).toMatchObject({ id: 'l1', version: 1 });
    await insertLocality(registry.db, {
      ...withoutVersion,
      id: 'l3',
      name: 'Suzhou',
      version: undefined,
    } as unknown as NewRow<'localities'>);
    expect(await findLocalityByName(registry.db, 'Wuxi')).toMatchObject({ id: 'l2', version: 0 });
    expect(await findLocalityByName(registry.db, 'Suzhou')).toMatchObject({ id: 'l3', version: 0 });
  });

  it('find a partner by its name before its other spellings, and return the row alone', async () => {
    await insertPartner(registry.db, partner('p1', 'Toyokawa', { name_en: 'Gamagori' }));
    await insertPartner(registry.db, partner('p2', 'Gamagori', { name_zh: '蒲郡' }));
    expect(await findPartner(registry.db, 'Gamagori', 'JP')).toEqual(
      partner('p2', 'Gamagori', { name_zh: '蒲郡' }),
    );
    expect((await findPartner(registry.db, '蒲郡', 'JP'))?.id).toBe('p2');
    expect(await findPartner(registry.db, 'Gamagori', 'AU')).toBeUndefined();
  });
});
