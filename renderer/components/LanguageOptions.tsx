import { LANGS, LANGUAGE_NAMES } from '../../shared/i18n';

/** The options of every language select: each language named in itself, and marked as such. */
export function LanguageOptions() {
  return LANGS.map((lang) => (
    <option key={lang} value={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {LANGUAGE_NAMES[lang]}
    </option>
  ));
}
