import { MonevError, problem } from '../core/problem.js';
import { requestedLang } from '../i18n/lang-choice.js';
import { LANGS, localeFor, type Lang, type Locale } from '../i18n/locale.js';

/** The language asked for (see requestedLang), checked: an unknown --lang or MONEV_LANG is a usage error. */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const asked = requestedLang(option, env);
  if ((LANGS as string[]).includes(asked.code)) return asked.code as Lang;
  throw new MonevError([problem('usage/invalid-option', { option: asked.from, value: asked.value, expected: LANGS.join(' or ') })]);
}

export function resolveLocale(option: string | undefined): Locale {
  return localeFor(resolveLang(option));
}
