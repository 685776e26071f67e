import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { AuditRow, Page, TieRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';
import type { TieEvent } from '../../shared/timeline';

let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
});
afterEach(async () => {
  await registry.close();
});

const nagoya = {
  local: 'Nanjing',
  local_level: 'city',
  partner: 'Nagoya',
  country: 'Japan',
  kind: 'friendship',
  stage: 'established',
  established_on: '1978',
  notes: 'Nanjing Square in Nagoya.',
};

describe('ties through the door', () => {
  it('creates a tie with its locality, partner, history and audit rows', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    expect(tie).toMatchObject({
      local: 'Nanjing',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
      kind: 'friendship',
      stage: 'established',
      established_on: '1978',
      version: 1,
    });
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => [e.stage, e.on])).toEqual([['established', '1978']]);
    const audit = await call<AuditRow[]>(registry, 'audit:list', {});
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(
      ['locality:create', 'partner:create', 'tie:create', 'tie_event:create'].sort(),
    );
    expect(audit.every((a) => a.actor === 'tester')).toBe(true);
  });

  it('accepts Chinese labels and ledger dates, and records history from the dates', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: '市级',
      partner: 'Bloemfontein',
      country: '南非',
      kind: '友好城市',
      stage: '已结好',
      first_contact_on: '1998年',
      intent_signed_on: '1999/1',
      established_on: '2000年3月',
    });
    expect(tie).toMatchObject({
      local_level: 'city',
      country: 'ZA',
      stage: 'established',
      established_on: '2000-03',
      intent_signed_on: '1999-01',
      first_contact_on: '1998',
    });
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => [e.stage, e.on])).toEqual([
      ['contact', '1998'],
      ['intent', '1999-01'],
      ['established', '2000-03'],
    ]);
  });

  it('adds the record stage, undated, after its dates when it is later', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', { ...nagoya, stage: 'suspended' });
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => [e.stage, e.on])).toEqual([
      ['established', '1978'],
      ['suspended', null],
    ]);
  });

  it('refuses a malformed payload naming each bad field, and writes nothing', async () => {
    const result = await registry.door(
      'ties:create',
      { ...nagoya, country: 'Atlantis', established_on: '2018-02-30', colour: 'red' },
      { trusted: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    const paths = result.error.details?.map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['country', 'established_on', '']));
    expect(result.error.message).toMatch(/country: “Atlantis” is not a country/);
    expect(result.error.message).toMatch(/established_on: “2018-02-30”: that month has 28 days/);
    expect((await call<Page<TieRow>>(registry, 'ties:list', {})).total).toBe(0);
    expect(await call<AuditRow[]>(registry, 'audit:list', {})).toEqual([]);
  });

  it('words errors in Chinese when the caller reads Chinese', async () => {
    const result = await registry.door(
      'ties:create',
      { ...nagoya, country: '亚特兰蒂斯' },
      { trusted: true, lang: 'zh' },
    );
    expect(!result.ok && result.error.message).toContain('“亚特兰蒂斯”不是可识别的国家');
  });

  it('refuses a second live tie between the same pair', async () => {
    await call(registry, 'ties:create', nagoya);
    const again = await registry.door(
      'ties:create',
      { ...nagoya, country: 'JP' },
      { trusted: true },
    );
    expect(!again.ok && again.error.code).toBe('rule');
    expect(!again.ok && again.error.message).toBe('Nanjing already has a tie with Nagoya (Japan).');
  });

  it('asks for the level of a new locality the place directory does not know', async () => {
    // A place of the directory (Nanjing) takes its level from there: places.test.ts.
    const { local_level: _, ...rest } = { ...nagoya, local: 'Jiangbei New Area' };
    const result = await registry.door('ties:create', rest, { trusted: true });
    expect(!result.ok && result.error.details?.[0]?.path).toEqual(['local_level']);
  });

  it('updates with the current version and refuses a stale one with the current record', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    const updated = await call<TieRow>(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { notes: 'first' },
    });
    expect(updated).toMatchObject({ notes: 'first', version: 2 });
    const stale = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { notes: 'second' } },
      { trusted: true },
    );
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.current).toMatchObject({ notes: 'first', version: 2 });
    expect((await call<TieRow>(registry, 'ties:get', { id: tie.id })).notes).toBe('first');
  });

  it('moves a date column and its event together', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    await call(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { established_on: '1978-12-21', first_contact_on: '1977' },
    });
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => [e.seq, e.stage, e.on])).toEqual([
      [1, 'contact', '1977'],
      [2, 'established', '1978-12-21'],
    ]);
  });

  it('refuses a date for a stage the tie has not reached, naming the move, and keeps the tie', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', {
      ...nagoya,
      stage: 'contact',
      established_on: null,
    });
    const ahead = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { established_on: '2025-05-01', notes: 'signed?' } },
      { trusted: true },
    );
    expect(!ahead.ok && ahead.error.code).toBe('rule');
    expect(!ahead.ok && ahead.error.message).toBe(
      'A date in “Established” means the tie has reached Established, but it is at Contact: record the move to Established from its details, which asks for what that stage needs.',
    );
    const zh = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { intent_signed_on: '2025-03' } },
      { trusted: true, lang: 'zh' },
    );
    expect(!zh.ok && zh.error.message).toContain('目前处于“接触”');
    expect(await call<TieRow>(registry, 'ties:get', { id: tie.id })).toMatchObject({
      version: 1,
      stage: 'contact',
      established_on: null,
      notes: nagoya.notes,
    });
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => e.stage)).toEqual(['contact']);
    // A date for a stage it has passed is a correction, as before.
    await call(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { first_contact_on: '2024-11' },
    });
  });

  it('lets a stage change in the grid follow the stage machine only', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', {
      ...nagoya,
      stage: 'contact',
      established_on: null,
    });
    const skip = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { stage: 'established' } },
      { trusted: true },
    );
    expect(!skip.ok && skip.error.message).toBe('A tie cannot go from Contact to Established.');
    const bare = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { stage: 'intent' } },
      { trusted: true },
    );
    expect(!bare.ok && bare.error.message).toBe(
      'Before it can go to Letter of intent, the tie needs a letter of intent with its signed date.',
    );
    const ok = await call<TieRow>(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { stage: 'intent', intent_signed_on: '2025-03' },
    });
    expect(ok.stage).toBe('intent');
    const events = await call<TieEvent[]>(registry, 'ties:events', { id: tie.id });
    expect(events.map((e) => [e.stage, e.from_stage, e.on])).toEqual([
      ['contact', null, null],
      ['intent', 'contact', '2025-03'],
    ]);
  });

  it('renames a partner only this tie uses, and re-points to an existing one', async () => {
    const a = await call<TieRow>(registry, 'ties:create', { ...nagoya, partner: 'Nagoyaa' });
    const renamed = await call<TieRow>(registry, 'ties:update', {
      id: a.id,
      version: 1,
      patch: { partner: 'Nagoya' },
    });
    expect(renamed.partner_id).toBe(a.partner_id);
    expect(renamed.partner).toBe('Nagoya');
    const b = await call<TieRow>(registry, 'ties:create', {
      ...nagoya,
      local: 'Suzhou',
      partner: 'Kyoto',
    });
    const moved = await call<TieRow>(registry, 'ties:update', {
      id: b.id,
      version: 1,
      patch: { partner: 'Nagoya' },
    });
    expect(moved.partner_id).toBe(a.partner_id);
  });

  it('deletes softly and restores', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    const deleted = await call<TieRow>(registry, 'ties:delete', { id: tie.id, version: 1 });
    expect(deleted.deleted_at).not.toBeNull();
    expect((await call<Page<TieRow>>(registry, 'ties:list', {})).total).toBe(0);
    expect((await call<Page<TieRow>>(registry, 'ties:list', { deleted: true })).total).toBe(1);
    const restored = await call<TieRow>(registry, 'ties:restore', { id: tie.id, version: 2 });
    expect(restored).toMatchObject({ deleted_at: null, version: 3 });
  });

  it('sorts, pages and finds by either language', async () => {
    await call(registry, 'ties:create', nagoya);
    await call(registry, 'ties:create', {
      ...nagoya,
      partner: 'St. Louis',
      country: 'United States',
      established_on: '1979-11-02',
    });
    await call(registry, 'ties:create', {
      ...nagoya,
      partner: 'Semarang',
      country: 'Indonesia',
      kind: 'exchange',
      established_on: '2018-10',
    });
    const byDate = await call<Page<TieRow>>(registry, 'ties:list', {
      sort: [{ colId: 'established_on', sort: 'desc' }],
    });
    expect(byDate.rows.map((r) => r.partner)).toEqual(['Semarang', 'St. Louis', 'Nagoya']);
    const page = await call<Page<TieRow>>(registry, 'ties:list', {
      sort: [{ colId: 'partner', sort: 'asc' }],
      limit: 2,
      offset: 1,
    });
    expect(page).toMatchObject({ total: 3 });
    expect(page.rows.map((r) => r.partner)).toEqual(['Semarang', 'St. Louis']);
    const find = async (q: string) =>
      (await call<Page<TieRow>>(registry, 'ties:list', { quick: q })).rows
        .map((r) => r.partner)
        .sort();
    expect(await find('日本')).toEqual(['Nagoya']);
    expect(await find('美国')).toEqual(['St. Louis']);
    expect(await find('友好交流')).toEqual(['Semarang']);
    expect(await find('louis')).toEqual(['St. Louis']);
    expect(await find('100%')).toEqual([]);
  });

  it('refuses an untrusted sender and an unknown channel', async () => {
    expect(await registry.door('ties:list', {}, { trusted: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await registry.door('ties:drop', {}, { trusted: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await registry.door('__proto__', {}, { trusted: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('versions follow what staff see', () => {
  it('gives the tie a new version when only its partner record changed', async () => {
    const registry = await testRegistry();
    const tie = await call<TieRow>(registry, 'ties:create', nagoya);
    const moved = await call<TieRow>(registry, 'ties:update', {
      id: tie.id,
      version: 1,
      patch: { country: 'US' },
    });
    expect(moved).toMatchObject({ country: 'US', partner_id: tie.partner_id, version: 2 });
    const stale = await registry.door(
      'ties:update',
      { id: tie.id, version: 1, patch: { country: 'DE' } },
      { trusted: true },
    );
    expect(!stale.ok && stale.error.code).toBe('conflict');
    const same = await call<TieRow>(registry, 'ties:update', {
      id: tie.id,
      version: 2,
      patch: { country: 'United States' },
    });
    expect(same.version).toBe(2);
    await registry.close();
  });
});

describe('a change to a place other ties share asks first', () => {
  const hefei = { local: '合肥市', local_level: 'city', stage: 'contact' };
  const level = async (id: string) =>
    (await call<TieRow>(registry, 'ties:get', { id })).local_level;

  it('refuses a level typed into one tie’s cell until the user confirms, then changes it for all', async () => {
    const a = await call<TieRow>(registry, 'ties:create', {
      ...hefei,
      partner: 'Kyoto',
      country: 'JP',
    });
    const b = await call<TieRow>(registry, 'ties:create', {
      ...hefei,
      partner: 'Aarhus',
      country: 'DK',
    });
    await call<TieRow>(registry, 'ties:create', { ...hefei, partner: 'Columbus', country: 'US' });
    const asked = await registry.door(
      'ties:update',
      { id: a.id, version: 1, patch: { local_level: 'county' } },
      { trusted: true, lang: 'zh' },
    );
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'rule',
        key: 'errors.tie.sharedLocality',
        params: { name: '合肥市', count: 2 },
        message: '此修改也会改变合肥市的另外2个友城关系：级别属于该地区本身。确认后将全部修改。',
      },
    });
    expect([await level(a.id), await level(b.id)]).toEqual(['city', 'city']);
    const done = await call<TieRow>(registry, 'ties:update', {
      id: a.id,
      version: 1,
      patch: { local_level: 'county' },
      confirmShared: true,
    });
    expect(done.local_level).toBe('county');
    expect(await level(b.id)).toBe('county');
    // One undo puts the place back for all its ties.
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect([await level(a.id), await level(b.id)]).toEqual(['city', 'city']);
  });

  it('does not ask when the place is this tie’s alone', async () => {
    const only = await call<TieRow>(registry, 'ties:create', {
      ...hefei,
      local: '巢湖市',
      partner: 'Kyoto',
      country: 'JP',
    });
    const done = await call<TieRow>(registry, 'ties:update', {
      id: only.id,
      version: 1,
      patch: { local_level: 'county' },
    });
    expect(done.local_level).toBe('county');
  });
});
