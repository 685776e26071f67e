import { formatMessage, type Lang } from '../../shared/i18n';
import type { TieWarning } from '../../shared/ipc/ties';

/** What a tie write accepted but said (dates out of their order), worded in `lang`. */
export function warningTexts(value: unknown, lang: Lang): string[] {
  const warnings = (value as { warnings?: readonly TieWarning[] } | null)?.warnings ?? [];
  return warnings.map((w) => formatMessage(`warnings.${w.code}`, w.params, lang));
}
