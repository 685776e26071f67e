import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { MergePlan, PlacesOverview } from '../../shared/ipc/places';
import type { AuditRow, Page, TieRow, VisitRow } from '../../shared/model';
import type { WireError } from '../../shared/result';
import { call, testRegistry } from '../support/registry';

/**
 * The Places screen's writes: renaming a partner, merging two records of one place (its ties,
 * visits and the places under it moved, as one undo step), refused while a tie would exist
 * twice, and the suggested duplicates. Runs on both engines (the sqlite and postgres projects).
 */

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

async function refused(channel: string, input: unknown): Promise<WireError> {
  const result = await registry.door(channel, input, { trusted: true });
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

const overview = () => call<PlacesOverview>(registry, 'places:overview', {});
const ties = async () => [...(await call<Page<TieRow>>(registry, 'ties:list', {})).rows];
const tie = (local: string, partner: string, country = 'JP') =>
  call<TieRow>(registry, 'ties:create', { local, local_level: 'county', partner, country });
async function localityId(name: string): Promise<string> {
  const found = (await overview()).localities.find((l) => l.name === name);
  if (!found) throw new Error(`no locality ${name}`);
  return found.id;
}
async function partnerId(name: string): Promise<string> {
  const found = (await overview()).partners.find((p) => p.name === name);
  if (!found) throw new Error(`no partner ${name}`);
  return found.id;
}

describe('merging two localities', () => {
  it('moves ties, visits and the places under it to the kept one, deletes the other, one undo step', async () => {
    await tie('甲镇', 'Osaka');
    await tie('乙镇', 'Nagoya');
    await tie('乙镇', 'Kobe');
    const keep = await localityId('甲镇');
    const remove = await localityId('乙镇');
    const child = await call<{ id: string }>(registry, 'localities:create', {
      name: '乙村',
      level: 'county',
      parent_id: remove,
    });
    const visit = await call<VisitRow>(registry, 'visits:create', {
      direction: 'outgoing',
      local: '乙镇',
      country: 'JP',
      leader: '张三',
      start_on: '2025-04-01',
    });

    const plan = await call<MergePlan>(registry, 'places:mergePlan', {
      of: 'locality',
      keep,
      remove,
    });
    expect(plan).toEqual({ ties: 2, visits: 1, children: 1, clashes: [] });

    await call(registry, 'places:merge', { of: 'locality', keep, remove });
    expect((await ties()).map((t) => [t.local, t.partner]).sort()).toEqual([
      ['甲镇', 'Kobe'],
      ['甲镇', 'Nagoya'],
      ['甲镇', 'Osaka'],
    ]);
    const after = await overview();
    expect(after.localities.map((l) => l.name)).not.toContain('乙镇');
    expect(after.localities.find((l) => l.id === keep)?.ties).toBe(3);
    expect(after.localities.find((l) => l.id === child.id)?.parent_id).toBe(keep);
    const movedVisit = await call<Page<VisitRow>>(registry, 'visits:list', {});
    expect(movedVisit.rows.find((v) => v.id === visit.id)?.local).toBe('甲镇');

    // Audited: the moves and the delete belong to one command.
    const audit = await call<AuditRow[]>(registry, 'audit:list', { limit: 20 });
    const merge = audit.filter((r) => r.entity_id === remove && r.action === 'delete');
    expect(merge).toHaveLength(1);

    await call(registry, 'undo:undo', { scope: 'places' });
    expect((await ties()).map((t) => [t.local, t.partner]).sort()).toEqual([
      ['乙镇', 'Kobe'],
      ['乙镇', 'Nagoya'],
      ['甲镇', 'Osaka'],
    ]);
    const undone = await overview();
    expect(undone.localities.find((l) => l.id === remove)?.ties).toBe(2);
    expect(undone.localities.find((l) => l.id === child.id)?.parent_id).toBe(remove);
    const back = await call<Page<VisitRow>>(registry, 'visits:list', {});
    expect(back.rows.find((v) => v.id === visit.id)?.local).toBe('乙镇');
  });

  it('refuses while a tie would exist twice, naming the pair, and merges once one is deleted', async () => {
    const a = await tie('甲镇', 'Osaka');
    await tie('乙镇', 'Osaka');
    await tie('乙镇', 'Kobe');
    const keep = await localityId('甲镇');
    const remove = await localityId('乙镇');

    const plan = await call<MergePlan>(registry, 'places:mergePlan', {
      of: 'locality',
      keep,
      remove,
    });
    expect(plan.clashes).toHaveLength(1);
    expect(plan.clashes[0]).toMatchObject({
      kept: { local: '甲镇', partner: 'Osaka', country: 'JP' },
      moved: { local: '乙镇', partner: 'Osaka', country: 'JP' },
    });

    const error = await refused('places:merge', { of: 'locality', keep, remove });
    expect(error.key).toBe('places.errors.duplicates');
    expect(error.message).toContain('乙镇 – Osaka');
    // Nothing half-applied.
    expect((await ties()).filter((t) => t.local === '乙镇')).toHaveLength(2);
    expect((await overview()).localities.map((l) => l.name)).toContain('乙镇');

    await call(registry, 'ties:delete', { id: a.id, version: a.version });
    await call(registry, 'places:merge', { of: 'locality', keep, remove });
    expect((await ties()).map((t) => [t.local, t.partner]).sort()).toEqual([
      ['甲镇', 'Kobe'],
      ['甲镇', 'Osaka'],
    ]);
  });

  it('keeps the jurisdiction and refuses merging a record with itself', async () => {
    await tie('甲镇', 'Osaka');
    await tie('乙镇', 'Kobe');
    const keep = await localityId('甲镇');
    const remove = await localityId('乙镇');
    expect((await refused('places:merge', { of: 'locality', keep, remove: keep })).key).toBe(
      'places.errors.same',
    );
    await call(registry, 'settings:update', { patch: { jurisdictionId: remove } });
    expect((await refused('places:merge', { of: 'locality', keep, remove })).key).toBe(
      'places.errors.jurisdiction',
    );
  });
});

describe('merging two partners', () => {
  it('moves ties, takes the names the kept one lacks, and undoes in one step', async () => {
    await tie('甲镇', 'Osaka');
    await tie('乙镇', '大阪');
    const keep = await partnerId('Osaka');
    const remove = await partnerId('大阪');
    await call(registry, 'places:merge', { of: 'partner', keep, remove });
    expect((await ties()).map((t) => [t.local, t.partner]).sort()).toEqual([
      ['乙镇', 'Osaka'],
      ['甲镇', 'Osaka'],
    ]);
    const kept = (await overview()).partners.find((p) => p.id === keep);
    expect(kept).toMatchObject({ name: 'Osaka', name_zh: '大阪', ties: 2 });

    await call(registry, 'undo:undo', { scope: 'places' });
    expect((await ties()).map((t) => [t.local, t.partner]).sort()).toEqual([
      ['乙镇', '大阪'],
      ['甲镇', 'Osaka'],
    ]);
    const undone = await overview();
    expect(undone.partners.find((p) => p.id === keep)?.name_zh).toBeNull();
    expect(undone.partners.find((p) => p.id === remove)?.ties).toBe(1);
  });

  it('refuses the duplicate tie and partners of two countries', async () => {
    await tie('甲镇', 'Osaka');
    await tie('甲镇', 'Ōsaka');
    await tie('甲镇', 'Portland', 'US');
    const keep = await partnerId('Osaka');
    const error = await refused('places:merge', {
      of: 'partner',
      keep,
      remove: await partnerId('Ōsaka'),
    });
    expect(error.key).toBe('places.errors.duplicates');
    expect(error.message).toContain('甲镇 – Ōsaka');
    const other = await refused('places:merge', {
      of: 'partner',
      keep,
      remove: await partnerId('Portland'),
    });
    expect(other.key).toBe('places.errors.otherCountry');
  });
});

describe('the overview', () => {
  it('suggests partners one name apart by spelling, Chinese name or Japanese reading, and counts live ties', async () => {
    await tie('甲镇', 'Osaka');
    await tie('乙镇', 'Ōsaka');
    await tie('丙镇', '大阪');
    await tie('丙镇', 'Portland', 'US');
    // Written before spellings were checked against each other (partners:update refuses it now).
    await registry.db
      .updateTable('partners')
      .set({ name_zh: '大阪' })
      .where('id', '=', await partnerId('Osaka'))
      .execute();
    const o = await overview();
    const name = (id: string) => o.partners.find((p) => p.id === id)?.name;
    expect(
      o.suggestions
        .filter((s) => s.of === 'partner')
        .map((s) => [...[name(s.a), name(s.b)].sort(), s.reason].join(' '))
        .sort(),
    ).toEqual(
      ['Osaka Ōsaka spelling', 'Osaka 大阪 chineseName', 'Ōsaka 大阪 japaneseReading'].sort(),
    );
    expect(o.partners.find((p) => p.name === 'Portland')?.ties).toBe(1);
  });

  it('suggests one partner in another script or spelling, and not places merely alike', async () => {
    const pairs: [string, string][] = [
      ['甲镇', '長崎'],
      ['乙镇', '长崎'],
      ['甲镇', 'Ōsaka'],
      ['乙镇', 'Osaka-shi'],
      ['丙镇', 'Kyouto'],
      ['丁镇', 'Kyōto City'],
      // The simplified form the registry holds, read by the table of Japanese places (横浜市).
      ['丁镇', '横滨'],
      ['丙镇', 'Yokohama-shi'],
      // Not one place: a prefecture and its city, two Chinese names read alike, one name in
      // two countries.
      ['甲镇', '長崎県'],
      ['丙镇', 'Osaka-fu'],
      ['甲镇', '朝阳'],
      ['乙镇', '潮阳'],
    ];
    for (const [local, partner] of pairs) await tie(local, partner);
    await tie('甲镇', 'Osaka', 'US');
    const o = await overview();
    const name = (id: string) => o.partners.find((p) => p.id === id)?.name;
    expect(o.partners).toHaveLength(pairs.length + 1);
    expect(
      o.suggestions
        .filter((s) => s.of === 'partner')
        .map((s) => [...[name(s.a), name(s.b)].sort(), s.reason].join(' | '))
        .sort(),
    ).toEqual(
      [
        'Osaka-shi | Ōsaka | spelling',
        'Kyouto | Kyōto City | spelling',
        '長崎 | 长崎 | variant',
        'Yokohama-shi | 横滨 | japaneseReading',
      ].sort(),
    );
  });

  it('suggests localities that are one place of the directory', async () => {
    await tie('合肥市', 'Osaka');
    await tie('乙镇', 'Kobe');
    // A record written before codes were kept, then given the same code by the fill.
    const other = await localityId('乙镇');
    await registry.db
      .updateTable('localities')
      .set({ code: '340100' })
      .where('id', '=', other)
      .execute();
    const o = await overview();
    const pairs = o.suggestions.filter((s) => s.of === 'locality');
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.a, pairs[0]!.b].sort()).toEqual([await localityId('合肥市'), other].sort());
    expect(pairs[0]!.reason).toBe('code');
  });

  it('renames a partner, audited and undoable, refusing another partner’s name', async () => {
    await tie('甲镇', 'Osaka');
    await tie('甲镇', 'Kobe');
    const id = await partnerId('Osaka');
    await call(registry, 'partners:update', { id, version: 1, patch: { name: 'Ōsaka-shi' } });
    expect((await ties()).map((t) => t.partner).sort()).toEqual(['Kobe', 'Ōsaka-shi']);
    const clash = await refused('partners:update', { id, version: 2, patch: { name_en: 'Kobe' } });
    expect(clash.key).toBe('places.errors.partnerDuplicate');
    await call(registry, 'undo:undo', { scope: 'places' });
    expect((await ties()).map((t) => t.partner).sort()).toEqual(['Kobe', 'Osaka']);
  });
});
