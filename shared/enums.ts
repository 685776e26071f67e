/**
 * The closed vocabularies of the domain contract. Each value has its English and Chinese
 * label; `aliases` are further spellings accepted on input (ledgers, pastes, the CLI).
 * Labels here are the interchange format's, so the i18n resources take them from here.
 */
export interface EnumEntry {
  readonly en: string;
  readonly zh: string;
  readonly aliases?: readonly string[];
}

function vocabulary<const T extends Record<string, EnumEntry>>(entries: T) {
  return entries;
}

export const LEVELS = vocabulary({
  province: { en: 'Province', zh: '省级', aliases: ['省', 'provincial', 'province-level'] },
  city: {
    en: 'City',
    zh: '市级',
    aliases: ['市', 'municipal', 'prefecture-level city', 'city-level'],
  },
  county: { en: 'County', zh: '县级', aliases: ['县', '区', '县区', 'district', 'county-level'] },
});

export const KINDS = vocabulary({
  friendship: {
    en: 'Friendship city',
    zh: '友好城市',
    aliases: ['sister city', 'sister', 'friendship city', '友城', '友好省州', '姐妹城市'],
  },
  exchange: {
    en: 'Friendly-exchange city',
    zh: '友好交流城市',
    aliases: [
      '友好合作城市',
      '友好交流合作城市',
      'friendly exchange',
      'friendly-exchange',
      'friendly cooperation',
      'friendly-cooperation city',
      'friendly exchange city',
    ],
  },
});

export const STAGES = vocabulary({
  contact: { en: 'Contact', zh: '接触' },
  intent: { en: 'Letter of intent', zh: '意向', aliases: ['意向书', 'intent signed'] },
  pending: { en: 'Pending approval', zh: '报批', aliases: ['审批中', 'submitted'] },
  approved: { en: 'Approved', zh: '已批准', aliases: ['批准'] },
  established: { en: 'Established', zh: '已结好', aliases: ['结好', 'signed', '已签约'] },
  suspended: { en: 'Suspended', zh: '暂停', aliases: ['已暂停'] },
  terminated: { en: 'Terminated', zh: '终止', aliases: ['已终止', 'ended'] },
});

export const FIELDS = vocabulary({
  economy: {
    en: 'Economy and trade',
    zh: '经贸',
    aliases: ['economy', 'trade', '经济', '经贸合作'],
  },
  science: { en: 'Science and technology', zh: '科技', aliases: ['science', 'technology'] },
  education: { en: 'Education', zh: '教育' },
  culture: { en: 'Culture', zh: '文化' },
  health: { en: 'Health', zh: '卫生', aliases: ['医疗', '卫生健康'] },
  sports: { en: 'Sports', zh: '体育' },
  tourism: { en: 'Tourism', zh: '旅游' },
  agriculture: { en: 'Agriculture', zh: '农业' },
  environment: { en: 'Environment', zh: '环保', aliases: ['环境', '生态环境'] },
  youth: { en: 'Youth', zh: '青少年', aliases: ['青年'] },
  media: { en: 'Media', zh: '媒体', aliases: ['新闻'] },
  other: { en: 'Other', zh: '其他' },
});

export const PLACE_KINDS = vocabulary({
  city: { en: 'City', zh: '城市', aliases: ['市'] },
  state: {
    en: 'State / province / region',
    zh: '州/省/大区',
    aliases: ['州', '省', 'province', 'region', '大区', 'prefecture', '县(日本)'],
  },
  county: { en: 'County / district', zh: '郡/区', aliases: ['郡', '区', 'district'] },
});

export const DIRECTIONS = vocabulary({
  outgoing: { en: 'Outgoing', zh: '出访', aliases: ['sent', '派出'] },
  incoming: { en: 'Incoming', zh: '来访', aliases: ['received', '接待'] },
});

export const LETTER_TYPES = vocabulary({
  letter: { en: 'Letter of intent', zh: '意向书', aliases: ['loi'] },
  memorandum: {
    en: 'Memorandum of friendship and exchange',
    zh: '友好交流备忘录',
    aliases: ['memorandum', '备忘录'],
  },
  mou: { en: 'Memorandum of understanding', zh: '谅解备忘录', aliases: ['MoU', 'MOU'] },
});

export const LETTER_STATUSES = vocabulary({
  active: { en: 'Active', zh: '有效' },
  superseded: { en: 'Superseded by the agreement', zh: '已被协议取代', aliases: ['superseded'] },
  lapsed: { en: 'Lapsed', zh: '已失效', aliases: ['失效'] },
  withdrawn: { en: 'Withdrawn', zh: '已撤回', aliases: ['撤回'] },
});

export const OUTCOMES = vocabulary({
  approved: { en: 'Approved', zh: '批准', aliases: ['已批准', '同意'] },
  returned: { en: 'Returned', zh: '退回', aliases: ['已退回'] },
  rejected: { en: 'Rejected', zh: '不予批准', aliases: ['驳回', '否决'] },
});

export type Level = keyof typeof LEVELS;
export type Kind = keyof typeof KINDS;
export type Stage = keyof typeof STAGES;
export type Field = keyof typeof FIELDS;
export type PlaceKind = keyof typeof PLACE_KINDS;
export type Direction = keyof typeof DIRECTIONS;
export type LetterType = keyof typeof LETTER_TYPES;
export type LetterStatus = keyof typeof LETTER_STATUSES;
export type Outcome = keyof typeof OUTCOMES;

export const VOCABULARIES = {
  level: LEVELS,
  kind: KINDS,
  stage: STAGES,
  field: FIELDS,
  placeKind: PLACE_KINDS,
  direction: DIRECTIONS,
  letterType: LETTER_TYPES,
  letterStatus: LETTER_STATUSES,
  outcome: OUTCOMES,
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;
export type VocabularyValue<V extends VocabularyName> = keyof (typeof VOCABULARIES)[V] & string;

export function valuesOf<V extends VocabularyName>(
  name: V,
): [VocabularyValue<V>, ...VocabularyValue<V>[]] {
  return Object.keys(VOCABULARIES[name]) as [VocabularyValue<V>, ...VocabularyValue<V>[]];
}

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

const lookups = new Map<VocabularyName, Map<string, string>>();

function lookupFor(name: VocabularyName): Map<string, string> {
  let map = lookups.get(name);
  if (!map) {
    map = new Map();
    for (const [value, entry] of Object.entries(VOCABULARIES[name]) as [string, EnumEntry][]) {
      for (const spelling of [value, entry.en, entry.zh, ...(entry.aliases ?? [])]) {
        map.set(fold(spelling), value);
      }
    }
    lookups.set(name, map);
  }
  return map;
}

/** The canonical value for an English or Chinese label or alias, or null. */
export function parseEnum<V extends VocabularyName>(
  name: V,
  input: string,
): VocabularyValue<V> | null {
  return (lookupFor(name).get(fold(input)) as VocabularyValue<V> | undefined) ?? null;
}

export function enumLabel<V extends VocabularyName>(
  name: V,
  value: VocabularyValue<V>,
  lang: 'zh' | 'en',
): string {
  const entry = (VOCABULARIES[name] as Record<string, EnumEntry>)[value];
  return entry ? entry[lang] : value;
}
