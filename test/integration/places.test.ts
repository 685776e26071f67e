import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { AppError } from '../../main/core/errors';
import type { FollowUps } from '../../shared/ipc/workflow';
import type { LetterRow, LocalityRow, Page, StepRow, TieRow, VisitRow } from '../../shared/model';
import { comparePlaces } from '../../renderer/grid/logic/sort';
import type { WireError } from '../../shared/result';
import { call, ctx, testRegistry } from '../support/registry';
import { scratch } from '../support/spreadsheets';

let registry: Registry;
let file: ReturnType<typeof scratch>;
beforeEach(async () => {
  registry = await testRegistry();
  file = scratch();
});
afterEach(async () => {
  await registry.close();
});

async function refused(channel: string, input: unknown): Promise<WireError> {
  const result = await registry.door(channel, input, { trusted: true });
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

async function importRefusal(name: string, text: string): Promise<AppError> {
  const error = await registry.services.interchange
    .importFile(file(name, text), { dryRun: false }, ctx)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function ties(): Promise<TieRow[]> {
  return [...(await call<Page<TieRow>>(registry, 'ties:list', {})).rows];
}

const REFUSED = [
  ['Taiwan', 'errors.country.chinaRegion'],
  ['香港', 'errors.country.chinaRegion'],
  ['Macao', 'errors.country.chinaRegion'],
  ['China', 'errors.country.china'],
  ['Kosovo', 'errors.country.notRecognised'],
  ['Sahrawi Arab Democratic Republic', 'errors.country.notRecognised'],
] as const;

describe('partner countries as the PRC recognises them', () => {
  it.each(REFUSED)('every write channel refuses %s (%s)', async (country, key) => {
    const create = await refused('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Taipei',
      country,
    });
    expect(create.code).toBe('validation');
    expect(create.details?.[0]).toMatchObject({ path: ['country'], key });

    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'Japan',
    });
    const update = await refused('ties:update', {
      id: tie.id,
      version: tie.version,
      patch: { country },
    });
    expect(update.details?.[0]).toMatchObject({ key });

    const paste = await refused('grid:paste', {
      grid: 'ties',
      columns: ['local', 'local_level', 'partner', 'country'],
      rows: [],
      text: `南京\tcity\tKaohsiung\t${country}\n`,
    });
    expect(paste.details?.some((d) => d.key === key)).toBe(true);

    const imported = await importRefusal(
      'ledger.csv',
      `local,local_level,partner,country\n南京,city,Kaohsiung,${country}\n`,
    );
    expect(imported.extra.details?.[0]).toMatchObject({ key });

    expect((await ties()).map((t) => t.partner)).toEqual(['Nagoya']);
  });

  it('explains the refusal of Taiwan, Hong Kong and Macao in both languages', async () => {
    const input = { local: '南京', local_level: 'city', partner: 'Taipei', country: '台湾' };
    const en = await registry.door('ties:create', input, { trusted: true });
    const zh = await registry.door('ties:create', input, { trusted: true, lang: 'zh' });
    expect(!en.ok && en.error.details?.[0]?.message).toContain(
      'exchanges with cities in Taiwan, Hong Kong and Macao are not international friendship-city ties',
    );
    expect(!zh.ok && zh.error.details?.[0]?.message).toContain(
      '与台湾、香港、澳门城市的交流不属于国际友好城市关系',
    );
  });

  it('does not offer them in the country list', async () => {
    const list = await call<{ code: string }[]>(registry, 'countries:list', {});
    const codes = list.map((c) => c.code);
    for (const code of ['TW', 'HK', 'MO', 'CN', 'XK', 'EH']) expect(codes).not.toContain(code);
    expect(codes).toContain('KR');
  });

  it('keeps a row recorded earlier, flags it in Follow-ups and never names it a foreign country', async () => {
    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Taipei',
      country: 'Japan',
      stage: 'established',
      established_on: '1990',
    });
    // As an older version of the app stored it, before the refusal.
    await registry.db
      .updateTable('partners')
      .set({ country: 'TW' })
      .where('name', '=', 'Taipei')
      .execute();
    const follow = await call<FollowUps>(registry, 'followups:list', {});
    expect(follow.notForeign.map((i) => [i.tie_id, i.country])).toEqual([[tie.id, 'TW']]);
    expect(follow.total).toBeGreaterThanOrEqual(1);
    expect((await ties()).map((t) => t.partner)).toEqual(['Taipei']);
  });
});

describe('names normalised on every write', () => {
  it('makes "Café" typed two ways one partner, and folds full-width spaces', async () => {
    await call(registry, 'ties:create', {
      local: '南京\u3000',
      local_level: 'city',
      partner: 'Cafe\u0301',
      country: 'France',
    });
    const again = await refused('ties:create', {
      local: '南京',
      partner: 'Café',
      country: 'France',
    });
    expect(again.key).toBe('errors.tie.duplicate');
    await call(registry, 'grid:paste', {
      grid: 'ties',
      columns: ['local', 'local_level', 'partner', 'country'],
      rows: [],
      text: '上海\tcity\tCafe\u0301\tFrance\n',
    });
    const partners = await registry.db.selectFrom('partners').select('name').execute();
    expect(partners).toEqual([{ name: 'Café' }]);
    const localities = await registry.db.selectFrom('localities').select('name').execute();
    expect(localities.map((l) => l.name).sort()).toEqual(['上海', '南京']);
  });

  it('refuses invisible and control characters in names on the door, pastes and imports', async () => {
    const create = await refused('ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Osaka\u200B',
      country: 'Japan',
    });
    expect(create.details?.[0]).toMatchObject({ path: ['partner'], key: 'errors.name.invisible' });
    expect(create.details?.[0]?.message).toContain('Osaka⟨U+200B⟩');

    const paste = await refused('grid:paste', {
      grid: 'ties',
      columns: ['local', 'local_level', 'partner', 'country'],
      rows: [],
      text: '南京\tcity\tabc\u202Efed\tJapan\n',
    });
    expect(paste.details?.some((d) => d.key === 'errors.name.bidi')).toBe(true);

    const imported = await importRefusal(
      'names.csv',
      'local,local_level,partner,country\n南京\u2066,city,Nagoya,Japan\n',
    );
    expect(imported.extra.details?.[0]).toMatchObject({ key: 'errors.name.bidi' });
    expect(await ties()).toEqual([]);
  });

  it('refuses a staff name with a zero-width space', async () => {
    const error = await refused('staff:create', {
      name: '王\u200B芳',
      password: 'editor-pass',
    });
    expect(error.details?.[0]).toMatchObject({ path: ['name'], key: 'errors.name.invisible' });
  });

  it('refuses a lone surrogate in any text at the door, in both languages', async () => {
    const input = {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'Japan',
      notes: 'x\uD800',
    };
    const en = await refused('ties:create', input);
    expect(en.details?.[0]).toMatchObject({ path: ['notes'], key: 'errors.name.surrogate' });
    const zh = await registry.door('ties:create', input, { trusted: true, lang: 'zh' });
    expect(!zh.ok && zh.error.details?.[0]?.message).toContain('损坏的字符');
    expect(await ties()).toEqual([]);
  });
});

describe('our localities are places of the directory', () => {
  async function anhuiOffice(): Promise<LocalityRow> {
    // As the first run does it: the jurisdiction, then the office's own city by hand.
    const anhui = await call<LocalityRow>(registry, 'localities:create', {
      name: '安徽省',
      level: 'province',
    });
    await call(registry, 'settings:update', { patch: { jurisdictionId: anhui.id } });
    return anhui;
  }

  it('knows 合肥, 合肥市, Hefei and "Hefei City" as the one place 合肥市 under 安徽省', async () => {
    const anhui = await anhuiOffice();
    const hefei = await call<LocalityRow>(registry, 'localities:create', {
      name: '合肥市',
      level: 'city',
    });
    expect(anhui).toMatchObject({ code: '340000', name_en: 'Anhui', parent_id: null });
    expect(hefei).toMatchObject({
      code: '340100',
      name_zh: '合肥市',
      name_en: 'Hefei',
      level: 'city',
      parent_id: anhui.id,
    });
    for (const spelling of ['合肥', 'Hefei', 'Hefei City', 'hefei']) {
      const again = await refused('localities:create', { name: spelling, level: 'city' });
      expect(again.key, spelling).toBe('errors.locality.duplicate');
    }
  });

  it('imports an English-spelled provincial ledger without a second Hefei or Anhui', async () => {
    const anhui = await anhuiOffice();
    const hefei = await call<LocalityRow>(registry, 'localities:create', {
      name: '合肥市',
      level: 'city',
    });
    await registry.services.interchange.importFile(
      file(
        'anhui.csv',
        [
          'local,partner,country,stage,established_on',
          'Anhui Province,Maryland,United States,established,1980',
          'Hefei,Columbus,USA,established,1988',
          'Hefei City,Kurashiki,Japan,established,1993',
          'Wuhu City,Kochi,Japan,established,1990',
          'Anqing,Delft,Netherlands,established,2005',
          'Feixi County,Wels,Austria,contact,',
        ].join('\n'),
      ),
      { dryRun: false },
      ctx,
    );
    const localities = await call<LocalityRow[]>(registry, 'localities:list', {});
    const byCode = new Map(localities.map((l) => [l.code, l]));
    expect(localities).toHaveLength(5);
    expect(byCode.get('340000')?.id).toBe(anhui.id);
    expect(byCode.get('340100')?.id).toBe(hefei.id);
    // A place first named in English is stored as the directory's place: its Chinese name
    // canonical, the directory's English name beside it.
    expect(byCode.get('340200')).toMatchObject({
      name: '芜湖市',
      name_zh: '芜湖市',
      name_en: 'Wuhu',
      level: 'city',
      parent_id: anhui.id,
    });
    expect(byCode.get('340800')).toMatchObject({
      name: '安庆市',
      name_en: 'Anqing',
      parent_id: anhui.id,
    });
    // A county takes its level from the directory and hangs from its city.
    expect(byCode.get('340123')).toMatchObject({
      name: '肥西县',
      name_en: 'Feixi',
      level: 'county',
      parent_id: hefei.id,
    });
    const all = await ties();
    expect(all.filter((t) => t.local === '合肥市').map((t) => t.partner)).toEqual([
      'Columbus',
      'Kurashiki',
    ]);
    expect(new Set(all.map((t) => t.local))).toEqual(
      new Set(['安徽省', '合肥市', '芜湖市', '安庆市', '肥西县']),
    );
    // The province's report counts its cities' ties, however the report names the scope.
    for (const [locality, total] of [
      ['安徽省', 5],
      ['Anhui Province', 5],
      ['Hefei City', 2],
    ] as const) {
      const figures = await call<{ established: { total: number } }>(registry, 'reports:annual', {
        asOf: '2025-12-31',
        locality,
      });
      expect(figures.established.total, locality).toBe(total);
    }
  });

  it('stores a place first named in English by its Chinese name, on the door, a paste and an edit', async () => {
    const anhui = await anhuiOffice();
    const hefei = await call<LocalityRow>(registry, 'localities:create', {
      name: 'Hefei City',
      level: 'city',
    });
    expect(hefei).toMatchObject({
      name: '合肥市',
      name_zh: '合肥市',
      name_en: 'Hefei',
      code: '340100',
      level: 'city',
      parent_id: anhui.id,
    });
    const wuhu = await call<TieRow>(registry, 'ties:create', {
      local: 'Wuhu',
      partner: 'Kochi',
      country: 'JP',
    });
    expect(wuhu).toMatchObject({ local: '芜湖市', local_level: 'city' });
    await call(registry, 'grid:paste', {
      grid: 'ties',
      columns: ['local', 'partner', 'country'],
      rows: [],
      text: 'Anqing City\tDelft\tNL\nHefei\tColumbus\tUS\n',
    });
    // A tie moved to a place only it names corrects the spelling the same way.
    const lone = await call<TieRow>(registry, 'ties:create', {
      local: 'Jiangbei New Area',
      local_level: 'county',
      partner: 'Wels',
      country: 'AT',
    });
    const moved = await call<TieRow>(registry, 'ties:update', {
      id: lone.id,
      version: lone.version,
      patch: { local: 'Feixi County' },
    });
    expect(moved.local).toBe('肥西县');
    const localities = await call<LocalityRow[]>(registry, 'localities:list', {});
    expect(localities.map((l) => [l.name, l.name_en, l.code])).toEqual([
      ['安徽省', 'Anhui', '340000'],
      ['安庆市', 'Anqing', '340800'],
      ['肥西县', 'Feixi', '340123'],
      ['合肥市', 'Hefei', '340100'],
      ['芜湖市', 'Wuhu', '340200'],
    ]);
    expect((await ties()).filter((t) => t.local === '合肥市')).toHaveLength(1);
  });

  it('scopes a report to 安徽省 over the places under it', async () => {
    await anhuiOffice();
    for (const [local, partner, country] of [
      ['合肥市', 'Columbus', 'US'],
      ['Wuhu', 'Kochi', 'JP'],
      ['肥西县', 'Wels', 'AT'],
      ['南京市', 'Nagoya', 'JP'],
    ] as const) {
      await call(registry, 'ties:create', {
        local,
        partner,
        country,
        stage: 'established',
        established_on: '2000',
      });
    }
    const figures = await call<{ established: { total: number; countries: number } }>(
      registry,
      'reports:annual',
      { asOf: '2025-12-31', locality: '安徽省' },
    );
    expect(figures.established).toMatchObject({ total: 3, countries: 3 });
    const hefei = await call<{ established: { total: number } }>(registry, 'reports:annual', {
      asOf: '2025-12-31',
      locality: 'Hefei',
    });
    expect(hefei.established.total).toBe(2);
  });

  it('resolves a name several places share inside the jurisdiction, else asks which', async () => {
    const outside = await refused('ties:create', {
      local: '朝阳区',
      partner: 'Tokyo',
      country: 'JP',
    });
    expect(outside.details?.[0]).toMatchObject({ key: 'errors.locality.ambiguous' });
    expect(outside.details?.[0]?.message).toContain('北京市朝阳区');
    expect(outside.details?.[0]?.message).toContain('长春市朝阳区');
    // Both cities registered: the jurisdiction says which.
    const beijing = await call<LocalityRow>(registry, 'localities:create', {
      name: '北京市',
      level: 'province',
    });
    const changchun = await call<LocalityRow>(registry, 'localities:create', {
      name: '长春市',
      level: 'city',
    });
    await call(registry, 'settings:update', { patch: { jurisdictionId: changchun.id } });
    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '朝阳区',
      partner: 'Tokyo',
      country: 'JP',
    });
    expect(tie.local_level).toBe('county');
    const chaoyang = (await call<LocalityRow[]>(registry, 'localities:list', {})).find(
      (l) => l.name === '朝阳区',
    );
    expect(chaoyang).toMatchObject({ code: '220104', parent_id: changchun.id });
    expect(beijing.code).toBe('110000');
  });

  it('takes a shared name written as the refusal asks, with the place above it', async () => {
    const zh = await registry.door(
      'ties:create',
      { local: '朝阳区', partner: 'Tokyo', country: 'JP' },
      { trusted: true, lang: 'zh' },
    );
    expect(!zh.ok && zh.error.details?.[0]?.message).toBe(
      '名为“朝阳区”的地方不止一处（北京市朝阳区、长春市朝阳区）：请写明所指的地方及其所属市或省。',
    );
    const create = (local: string, partner: string) =>
      call<TieRow>(registry, 'ties:create', { local, partner, country: 'JP' });
    const changchun = await create('Chaoyang District, Changchun', 'Sendai');
    const beijing = await create('Chaoyang District, Beijing', 'Tokyo');
    expect((await create('北京市朝阳区', 'Osaka')).locality_id).toBe(beijing.locality_id);
    expect((await create('长春朝阳区', 'Kobe')).locality_id).toBe(changchun.locality_id);
    expect((await create('朝阳区，北京市', 'Nara')).locality_id).toBe(beijing.locality_id);
    const byId = new Map(
      (await call<LocalityRow[]>(registry, 'localities:list', {})).map((l) => [l.id, l]),
    );
    expect(byId.size).toBe(2);
    expect(byId.get(changchun.locality_id)).toMatchObject({
      name: '朝阳区',
      name_en: 'Chaoyang',
      code: '220104',
      level: 'county',
    });
    // Stored by its Chinese name beside another 朝阳区, it keeps the city above it in its name.
    expect(byId.get(beijing.locality_id)).toMatchObject({
      name: '北京市朝阳区',
      name_en: 'Chaoyang',
      code: '110105',
      level: 'county',
    });
  });

  it('else by the registered place nearest above it', async () => {
    const nanjing = await call<LocalityRow>(registry, 'localities:create', {
      name: '南京市',
      level: 'city',
    });
    await call(registry, 'localities:create', { name: '江苏省', level: 'province' });
    const gulou = await call<LocalityRow>(registry, 'localities:create', {
      name: '鼓楼区',
      level: 'county',
    });
    expect(gulou).toMatchObject({ code: '320106', parent_id: nanjing.id });
  });
});

describe('pinyin order and search by any name', () => {
  async function threeCities() {
    for (const [local, partner] of [
      ['合肥市', 'Columbus'],
      ['安庆市', 'Delft'],
      ['芜湖市', 'Kochi'],
    ] as const) {
      await call(registry, 'ties:create', { local, local_level: 'city', partner, country: 'US' });
    }
  }
  const list = async (query: object) =>
    (await call<Page<TieRow>>(registry, 'ties:list', query)).rows.map((r) => r.local);

  it('sorts the grid 安庆市, 合肥市, 芜湖市 in SQL, both ways', async () => {
    await threeCities();
    expect(await list({ sort: [{ colId: 'local', sort: 'asc' }] })).toEqual([
      '安庆市',
      '合肥市',
      '芜湖市',
    ]);
    expect(await list({ sort: [{ colId: 'local', sort: 'desc' }] })).toEqual([
      '芜湖市',
      '合肥市',
      '安庆市',
    ]);
    const names = (await call<LocalityRow[]>(registry, 'localities:list', {})).map((l) => l.name);
    expect(names).toEqual(['安庆市', '合肥市', '芜湖市']);
  });

  it('gives the letters and steps grids the keys they sort 安庆市, 合肥市, 芜湖市 by', async () => {
    await threeCities();
    for (const tie of await ties()) {
      await call(registry, 'letters:create', { tie_id: tie.id, title: `${tie.local} letter` });
      await call(registry, 'steps:create', { tie_id: tie.id, authority: '安徽省外办' });
    }
    // Partners: one Chinese name among Latin ones sorts by its pinyin (芝加哥 zhijiage).
    const chicago = await call<TieRow>(registry, 'ties:create', {
      local: '合肥市',
      partner: '芝加哥',
      country: 'US',
    });
    await call(registry, 'letters:create', { tie_id: chicago.id, title: 'Chicago letter' });
    for (const channel of ['letters:list', 'steps:list'] as const) {
      const rows = (await call<Page<LetterRow | StepRow>>(registry, channel, {})).rows;
      const by = (field: 'local' | 'partner') =>
        [...rows]
          .sort((a, b) =>
            comparePlaces(
              { key: a[`${field}_key`], name: a[field] },
              { key: b[`${field}_key`], name: b[field] },
            ),
          )
          .map((r) => r[field]);
      expect(new Set(by('local')), channel).toEqual(new Set(['安庆市', '合肥市', '芜湖市']));
      expect([...new Set(by('local'))], channel).toEqual(['安庆市', '合肥市', '芜湖市']);
      if (channel === 'letters:list')
        expect(by('partner')).toEqual(['Columbus', 'Delft', 'Kochi', '芝加哥']);
    }
  });

  it('sorts the visits grid by its locality in pinyin, in SQL', async () => {
    await threeCities();
    for (const local of ['芜湖市', '合肥市', '安庆市'])
      await call(registry, 'visits:create', { direction: 'outgoing', local, country: 'JP' });
    const visits = async (sort: 'asc' | 'desc') =>
      (
        await call<Page<VisitRow>>(registry, 'visits:list', {
          sort: [{ colId: 'local', sort }],
        })
      ).rows.map((r) => r.local);
    expect(await visits('asc')).toEqual(['安庆市', '合肥市', '芜湖市']);
    expect(await visits('desc')).toEqual(['芜湖市', '合肥市', '安庆市']);
  });

  it('finds 合肥市 by its Chinese name, English name, pinyin and initials', async () => {
    await threeCities();
    for (const quick of ['合肥', 'Hefei', 'hefei', 'hf', 'HFS'])
      expect(await list({ quick }), quick).toEqual(['合肥市']);
  });

  it('keys the rows of a registry written before keys were kept when it opens', async () => {
    await threeCities();
    await registry.db.updateTable('localities').set({ pinyin: null, initials: null }).execute();
    const { fillPlaceKeys } = await import('../../main/places/place-keys.fill');
    expect(await fillPlaceKeys(registry.db)).toBe(3);
    expect(await list({ sort: [{ colId: 'local', sort: 'asc' }] })).toEqual([
      '安庆市',
      '合肥市',
      '芜湖市',
    ]);
    expect(await fillPlaceKeys(registry.db)).toBe(0);
  });
});
