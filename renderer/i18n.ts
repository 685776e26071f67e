import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatMessage, isLang, resources, formatNumbersGrouped, type Lang } from '../shared/i18n';
import type { WireError } from '../shared/result';

const LANG_KEY = 'youcheng.lang';

/** The first run follows the system's language; later runs keep the user's choice. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (isLang(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const CHOSEN_KEY = 'youcheng.langChosen';

/** The user switched the language themselves: from now on this window keeps their choice. */
export function chooseLang(lang: Lang): void {
  void i18next.changeLanguage(lang);
  rememberLang(lang);
  localStorage.setItem(CHOSEN_KEY, '1');
}

/**
 * The registry's language (its office's setting), followed until the user chooses one here:
 * the sign-in screen and a fresh window speak the office's language, not only the browser's.
 */
export function followRegistryLang(lang: Lang | null): void {
  if (!lang || localStorage.getItem(CHOSEN_KEY) === '1' || i18next.language === lang) return;
  void i18next.changeLanguage(lang);
  rememberLang(lang);
}

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  formatNumbersGrouped(i18next);
  rememberLang(lang);
  return i18next;
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

/** An error from main, worded in the language the user reads now. */
export function errorText(error: WireError, lang: Lang = currentLang()): string {
  if (error.details && error.details.length > 0 && error.code === 'validation') {
    return error.details.map((d) => formatMessage(d.key, d.params, lang)).join(' ');
  }
  return formatMessage(error.key, error.params, lang);
}
