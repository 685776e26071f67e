import type { Caller } from './office';

/**
 * A provincial registry the size of the published ones (Anhui: 95 sister cities in 38
 * countries): the province and eleven of its cities (one without an English name), a county,
 * 97 ties as of 2025 (95 established, some in 2024 and 2025 for the year-on-year comparison),
 * ties in the pipeline (one at intent with no letter on record), letters, steps and visits in
 * this period and the one before. Deterministic: the same registry every time.
 */

/** Country, partners (one tie each), in the order of the Anhui report's counts. */
const PARTNERS: readonly (readonly [string, readonly string[]])[] = [
  [
    'JP',
    [
      'Kochi',
      'Kanagawa',
      'Matsumoto',
      'Takasaki',
      'Hitachi',
      'Odawara',
      'Yokosuka',
      'Kameoka',
      'Tsukuba',
      'Yamato',
    ],
  ],
  [
    'US',
    ['Maryland', 'Columbia', 'Ann Arbor', 'Ames', 'Davis', 'Overland Park', 'Lincoln', 'Orlando'],
  ],
  ['KR', ['Chungcheongnam-do', 'Gimhae', 'Gwacheon', 'Iksan', 'Yangsan', 'Jecheon', 'Suncheon']],
  ['DE', ['Lower Saxony', 'Aschaffenburg', 'Kassel', 'Bielefeld', 'Wolfsburg']],
  ['AU', ['Queensland', 'Ballarat', 'Townsville', 'Mackay', 'Bundaberg']],
  ['IT', ['Tuscany', 'Pesaro', 'Vicenza', 'Parma', 'Lecce']],
  ['GB', ['Lancashire', 'Newport', 'Colchester', 'Chester']],
  ['SE', ['Västerbotten', 'Borlänge', 'Kalmar', 'Lund']],
  ['AR', ['Córdoba', 'Rosario', 'Mendoza', 'Salta']],
  ['FR', ['Poitou', 'Angers', 'Nancy']],
  ['RU', ['Kursk', 'Kazan', 'Ufa']],
  ['ES', ['Murcia', 'Gijón', 'Girona']],
  ['BR', ['Goiás', 'Campinas', 'Curitiba']],
  ['ZA', ['KwaZulu-Natal', 'Polokwane']],
  ['MX', ['Querétaro', 'Puebla']],
  ['HU', ['Pécs', 'Győr']],
  ['TR', ['Bursa', 'Eskişehir']],
  ['DK', ['Aarhus', 'Odense']],
  ['CA', ['Saskatchewan', 'Moncton']],
  ['NZ', ['Hamilton']],
  ['FI', ['Tampere']],
  ['NL', ['Eindhoven']],
  ['BE', ['Leuven']],
  ['AT', ['Graz']],
  ['PL', ['Poznań']],
  ['CZ', ['Brno']],
  ['EG', ['Giza']],
  ['KE', ['Mombasa']],
  ['CL', ['Valparaíso']],
  ['PE', ['Arequipa']],
  ['TH', ['Chiang Mai']],
  ['IE', ['Cork']],
  ['NO', ['Stavanger']],
  ['PT', ['Porto']],
  ['GR', ['Patras']],
  ['IL', ['Haifa']],
  ['VN', ['Da Nang']],
  ['MA', ['Fez']],
];

const LOCALITIES: readonly (readonly [string, string | null])[] = [
  ['合肥市', 'Hefei'],
  ['芜湖市', 'Wuhu'],
  ['蚌埠市', 'Bengbu'],
  ['淮南市', 'Huainan'],
  ['马鞍山市', "Ma'anshan"],
  ['安庆市', 'Anqing'],
  ['黄山市', 'Huangshan'],
  ['铜陵市', 'Tongling'],
  ['滁州市', 'Chuzhou'],
  ['宣城市', 'Xuancheng'],
  // Entered in Chinese only: English documents keep the stored name.
  ['六安市', null],
];

export interface Province {
  readonly ties: number;
  readonly established: number;
}

export async function buildProvince(call: Caller): Promise<Province> {
  await call('settings:update', {
    patch: {
      officeName: '安徽省人民政府外事办公室',
      reportSignature: '安徽省人民政府外事办公室（盖章）',
      officeNameEn: 'Foreign Affairs Office of the People’s Government of Anhui Province',
      reportSignatureEn: 'Foreign Affairs Office of Anhui Province (seal)',
    },
  });
  const province = await call<{ id: string }>('localities:create', {
    name: '安徽省',
    name_en: 'Anhui',
    level: 'province',
  });
  for (const [name, en] of LOCALITIES) {
    await call('localities:create', {
      name,
      ...(en ? { name_en: en } : {}),
      level: 'city',
      parent_id: province.id,
    });
  }
  const list = await call<{ id: string; name: string }[]>('localities:list', {});
  await call('localities:create', {
    name: '肥西县',
    name_en: 'Feixi',
    level: 'county',
    parent_id: list.find((l) => l.name === '合肥市')?.id,
  });

  let n = 0;
  let established = 0;
  const created: Record<string, string> = {};
  for (const [country, partners] of PARTNERS) {
    for (const partner of partners) {
      // 21 at the provincial level (states, prefectures, regions first), the rest municipal.
      const local =
        n % 9 === 0 || /shire|Saxony|Queensland|Tuscany|Maryland|-do$|Natal|Goiás/.test(partner)
          ? '安徽省'
          : n % 17 === 5
            ? '肥西县'
            : (LOCALITIES[n % LOCALITIES.length] as readonly [string, string | null])[0];
      // Spread over 1980–2025, with two in 2024 and three in 2025.
      const year =
        n === 3 || n === 40 ? 2024 : n === 7 || n === 50 || n === 77 ? 2025 : 1980 + ((n * 7) % 44);
      const on =
        n % 3 === 0
          ? String(year)
          : `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      const tie = await call<{ id: string }>('ties:create', {
        local,
        partner,
        country,
        kind: n % 11 === 4 ? 'exchange' : 'friendship',
        stage: 'established',
        established_on: on,
      });
      created[partner] = tie.id;
      established++;
      n++;
    }
  }
  const pipeline: [string, string, string, Record<string, unknown>][] = [
    ['合肥市', 'Bordeaux', 'FR', { stage: 'approved', intent_signed_on: '2024-10' }],
    ['芜湖市', 'Nantes', 'FR', { stage: 'approved', intent_signed_on: '2025-02' }],
    ['安庆市', 'Varna', 'BG', { stage: 'pending', intent_signed_on: '2025-04-18' }],
    ['黄山市', 'Sintra', 'PT', { stage: 'intent', intent_signed_on: '2025-06-09' }],
    // At intent with no letter on record: it is not a letter signed in the period.
    ['滁州市', 'Ravenna', 'IT', { stage: 'intent', intent_signed_on: '2025-09' }],
    ['宣城市', 'Olomouc', 'CZ', { stage: 'contact', first_contact_on: '2025-05' }],
    ['六安市', 'Košice', 'SK', { stage: 'contact', first_contact_on: '2023' }],
  ];
  for (const [local, partner, country, rest] of pipeline) {
    created[partner] = (
      await call<{ id: string }>('ties:create', {
        local,
        partner,
        country,
        kind: 'friendship',
        ...rest,
      })
    ).id;
  }
  const letter = (partner: string, signed_on: string) =>
    call('letters:create', {
      tie_id: created[partner],
      title: `关于建立友好城市关系的意向书（${partner}）`,
      doc_type: 'letter',
      signed_on,
      status: 'active',
    });
  await letter('Bordeaux', '2024-10-12');
  await letter('Nantes', '2025-02-20');
  await letter('Varna', '2025-04-18');
  await letter('Sintra', '2025-06-09');
  await call('steps:create', {
    tie_id: created.Varna,
    authority: '安庆市人民政府',
    submitted_on: '2025-05-06',
    decided_on: '2025-05-30',
    outcome: 'approved',
  });
  await call('steps:create', {
    tie_id: created.Varna,
    authority: '安徽省外办',
    submitted_on: '2025-06-10',
    reference_no: '皖外〔2025〕12号',
  });
  const visits: [string, string, string, number, string[]][] = [
    ['outgoing', 'JP', '2025-04-02', 6, ['economy', 'culture']],
    ['outgoing', 'DE', '2025-05-11', 8, ['science', 'education']],
    ['outgoing', 'US', '2025-09-20', 5, ['education']],
    ['outgoing', 'KR', '2024-03-15', 7, ['economy']],
    ['incoming', 'DE', '2025-06', 12, ['economy']],
    ['incoming', 'AU', '2025-10-08', 4, ['agriculture']],
    ['incoming', 'FR', '2024-11', 9, ['culture']],
    ['incoming', 'IT', '2024-04-22', 3, ['tourism']],
  ];
  for (const [direction, country, start_on, size, fields] of visits) {
    await call('visits:create', { direction, local: '安徽省', country, start_on, size, fields });
  }
  return { ties: n + pipeline.length, established };
}
