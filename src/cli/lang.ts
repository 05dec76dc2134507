import { MonevError, problem } from '../core/problem.js';
import { LANGS, localeFor, type Lang, type Locale } from '../i18n/locale.js';

/** --lang, else MONEV_LANG, else LC_ALL / LANG starting with "id", else English. */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = option ?? env.MONEV_LANG;
  if (chosen !== undefined && chosen !== '') {
    const lang = chosen.toLowerCase().slice(0, 2);
    if ((LANGS as string[]).includes(lang)) return lang as Lang;
    throw new MonevError([problem('usage/invalid-option', { option: option === undefined ? 'MONEV_LANG' : '--lang', value: chosen, expected: LANGS.join(' or ') })]);
  }
  const system = env.LC_ALL || env.LANG || '';
  return system.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export function resolveLocale(option: string | undefined): Locale {
  return localeFor(resolveLang(option));
}
