import { enumLabel, type VocabularyName } from './enums';
import { formatMessage, type Lang } from './i18n';

/**
 * What an audited edit of a tie changed, worded in `lang`: each field by its label, with its
 * value before and after as the screens show it (stage and kind by their names, fields of
 * cooperation by theirs, an empty value said so), never a column code.
 */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Bookkeeping columns every write touches; not what anyone edited. */
const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at']);

/** Values that are ids of other records: the field is named, the ids are not printed. */
const REFERENCES: Readonly<Record<string, string>> = {
  locality_id: 'columns.local',
  partner_id: 'columns.partner',
};

const VOCABULARY: Readonly<Record<string, VocabularyName>> = {
  stage: 'stage',
  kind: 'kind',
  local_level: 'level',
};

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  return Object.keys(now)
    .filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(was[k]) !== JSON.stringify(now[k]))
    .map((field) => ({ field, before: was[field], after: now[field] }));
}

function fieldCodes(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || !value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

function valueText(field: string, value: unknown, lang: Lang): string {
  const empty = formatMessage('workflowUi.empty', {}, lang);
  if (value === null || value === undefined || value === '') return empty;
  const vocabulary = VOCABULARY[field];
  // A code outside the vocabulary (an old value) prints as stored.
  if (vocabulary) return enumLabel(vocabulary, String(value) as never, lang);
  if (field === 'fields') {
    const codes = fieldCodes(value);
    if (codes)
      return codes.length === 0
        ? empty
        : codes.map((c) => enumLabel('field', c as never, lang)).join(lang === 'zh' ? '、' : ', ');
  }
  if (field === 'deleted_at') return String(value).slice(0, 10);
  return String(value);
}

function fieldLabel(field: string, lang: Lang): string {
  const key = REFERENCES[field] ?? `columns.${field}`;
  const label = formatMessage(key, {}, lang);
  return label === key ? field : label;
}

/** One line per change: "Stage: Approved → Established", or the field alone for a reference. */
export function changeTexts(before: unknown, after: unknown, lang: Lang): string[] {
  return changedFields(before, after).map((c) =>
    REFERENCES[c.field]
      ? fieldLabel(c.field, lang)
      : formatMessage(
          'workflowUi.change',
          {
            name: fieldLabel(c.field, lang),
            was: valueText(c.field, c.before, lang),
            now: valueText(c.field, c.after, lang),
          },
          lang,
        ),
  );
}
