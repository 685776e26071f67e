import { parsePartialDate } from '../../../shared/dates';
import type { Lang } from '../../../shared/i18n';
import { formatMessage } from '../../../shared/i18n';
import { dateProblemIssue } from '../../../shared/dates';

/** What a partial date would be read as, or why it would be refused, for the hint line. */
export function dateHint(text: string, lang: Lang): { ok: boolean; text: string } | null {
  if (text.trim() === '') return null;
  const parsed = parsePartialDate(text);
  if (parsed.ok) return { ok: true, text: parsed.date };
  const { key, params } = dateProblemIssue(parsed.problem);
  return { ok: false, text: formatMessage(key, params, lang) };
}
