import i18next, { type i18n } from 'i18next';
import { countryName } from '../countries';
import {
  enumLabel,
  VOCABULARIES,
  type Level,
  type PlaceKind,
  type Stage,
  type VocabularyName,
} from '../enums';
import { en } from './en';
import { gridStrings } from './grid.strings';
import { gridEditingStrings } from './grid-editing.strings';
import { workflowStrings } from './workflow.strings';
import { interchangeStrings } from './interchange.strings';
import { safetyStrings } from './safety.strings';
import { reportStrings } from './report.strings';
import { reportScreenStrings } from './report-screen.strings';
import { staffStrings } from './staff.strings';
import { desktopStrings } from './desktop.strings';
import { placesStrings } from './places.strings';
import { filterStrings } from './filters.strings';
import { jobsStrings } from './jobs.strings';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
/**
 * Feature strings (`shared/i18n/*.strings.ts`) join the core ones here. Each owns its own
 * keys; two may share a top-level key (`report`: the documents, and the Reports screen), but
 * never a key below it.
 */
const features = [
  gridStrings,
  gridEditingStrings,
  workflowStrings,
  interchangeStrings,
  reportStrings,
  reportScreenStrings,
  safetyStrings,
  staffStrings,
  desktopStrings,
  placesStrings,
  filterStrings,
  jobsStrings,
] as const satisfies readonly {
  en: object;
  zh: object;
}[];

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merged(lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(lang === 'en' ? en : zh) };
  for (const feature of features as readonly { en: object; zh: object }[]) {
    for (const [key, value] of Object.entries(feature[lang])) {
      const before = out[key];
      const both = isGroup(before) && isGroup(value);
      if (both && Object.keys(value).some((k) => k in before))
        throw new Error(`Two string files define ${key}: ${Object.keys(value).join(', ')}`);
      out[key] = both ? { ...before, ...value } : value;
    }
  }
  return out;
}

export const resources = { en: { translation: merged('en') }, zh: { translation: merged('zh') } };

/** A whole number with its thousands grouped by commas, as both languages write counts. */
export function groupDigits(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/**
 * `{{n, number}}` in the strings. A whole number is grouped here, the way Intl.NumberFormat
 * groups it in both languages (50,000; 共50,000条), without building a formatter: the first one
 * costs a window ~13 ms as it opens, and i18next's own cache keys its formatters by every
 * option of the call, the count among them, so it builds another for each new count. Anything
 * else (a fraction) goes to Intl, one formatter per language.
 */
export function formatNumbersGrouped(instance: i18n): void {
  const formatters = new Map<string, Intl.NumberFormat>();
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return groupDigits(value);
    const lang = lng ?? 'en';
    let formatter = formatters.get(lang);
    if (!formatter) {
      formatter = new Intl.NumberFormat(lang);
      formatters.set(lang, formatter);
    }
    return formatter.format(Number(value));
  });
}

/** A ready i18next instance; `initAsync: false` makes it usable on the next line. */
export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  formatNumbersGrouped(instance);
  return instance;
}

const instances = new Map<Lang, i18n>();
function instanceFor(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = createI18n(lang);
    instances.set(lang, instance);
  }
  return instance;
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The grids' column label namespaces, the Ties grid's first (it names the contract's fields). */
const COLUMN_NAMESPACES = ['columns', 'letterColumns', 'stepColumns', 'visitColumns'];

/** A field by its column label: the first grid that has a column of that name. */
function columnLabel(field: string, t: (key: string) => string): string {
  for (const ns of COLUMN_NAMESPACES) {
    const key = `${ns}.${field}`;
    const label = t(key);
    if (label !== key) return label;
  }
  return field;
}

/** Words a message's parameters in the target language: stage names, requirements, columns. */
/** A spreadsheet column named in a message: its letter and its header as the file has it. */
export interface ColumnRef {
  readonly letter: string;
  readonly header: string;
}

function isColumnRef(v: unknown): v is ColumnRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ColumnRef).letter === 'string' &&
    typeof (v as ColumnRef).header === 'string'
  );
}

/** A column as a message names it, in `lang`. */
export function columnLabelIn(ref: ColumnRef, lang: Lang): string {
  return formatMessage('import.columnLabel', { ...ref }, lang);
}

export function localizeParams(
  params: Readonly<Record<string, unknown>>,
  lang: Lang,
  t: (key: string) => string = (key) => instanceFor(lang).t(key),
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  const sep = lang === 'zh' ? '、' : ', ';
  for (const name of ['from', 'to', 'stage', 'dated', 'earlier', 'later'] as const) {
    const v = params[name];
    if (typeof v === 'string') out[name] = enumLabel('stage', v as Stage, lang);
  }
  if (Array.isArray(params.missing)) {
    out.missing = params.missing.map((r) => t(`requirements.${String(r)}`)).join(sep);
  }
  if (typeof params.entity === 'string') out.entity = t(`entities.${params.entity}`);
  if (typeof params.field === 'string') out.field = columnLabel(params.field, t);
  // A list of allowed values by their labels, never their codes.
  const vocabulary = params.vocabulary;
  if (typeof vocabulary === 'string' && vocabulary in VOCABULARIES && Array.isArray(params.allowed))
    out.allowed = params.allowed.map((v) =>
      enumLabel(vocabulary as VocabularyName, String(v) as never, lang),
    );
  if (typeof params.countryCode === 'string') out.country = countryName(params.countryCode, lang);
  if (typeof params.ours === 'string') out.ours = enumLabel('level', params.ours as Level, lang);
  if (typeof params.theirs === 'string')
    out.theirs = enumLabel('placeKind', params.theirs as PlaceKind, lang);
  // A column of a spreadsheet as the clerk sees it, in this language: `B列（我方）`.
  const column = (v: unknown) =>
    isColumnRef(v)
      ? t('import.columnLabel').replace('{{letter}}', v.letter).replace('{{header}}', v.header)
      : v;
  // Any other list (allowed values, unknown keys, localities) reads as a list.
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value)) out[key] = value.map(column).map(String).join(sep);
    else out[key] = column(value);
  }
  return out;
}

/** The message for an error key in `lang`, with its parameters worded in that language. */
export function formatMessage(
  key: string,
  params: Readonly<Record<string, unknown>>,
  lang: Lang,
): string {
  const i = instanceFor(lang);
  return i.t(
    key,
    localizeParams(params, lang, (k) => i.t(k)),
  );
}

/** Each language named in itself, the same whichever language the interface is in. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English' };
