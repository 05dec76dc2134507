import type { AnswerSpec } from '../core/compile.js';
import type { Problem } from '../core/problem.js';
import { roundHalfAway } from '../core/round.js';
import { describeSpec, en } from './en.js';
import { describeSpecId, id } from './id.js';
import { uiEn, uiId, type UiKey } from './ui.js';

export type Lang = 'en' | 'id';
export const LANGS: Lang[] = ['en', 'id'];

/** Everything language-dependent, in one place: words, numbers, dates, problem messages. */
export interface Locale {
  lang: Lang;
  t(key: UiKey, params?: object): string;
  /** A figure with `digits` decimals: 78.25 in English, 78,25 in Indonesian; '-' for null. */
  num(n: number | null | undefined, digits?: number): string;
  /** An ISO date (YYYY-MM-DD) written out: 12 July 2023 / 12 Juli 2023. */
  date(iso: string | undefined): string;
  problem(p: Problem): string;
  spec(spec: AnswerSpec): string;
}

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

const SCHEMA_CODES = /^(rubric|assessment|result|test)\/(unknown-key|missing-key|wrong-type|too-small|too-big|invalid-format|invalid-value|invalid)$/;

const cache = new Map<Lang, Locale>();

export function localeFor(lang: Lang): Locale {
  let locale = cache.get(lang);
  if (locale) return locale;
  const ui = lang === 'id' ? uiId : uiEn;
  const problems = lang === 'id' ? id : en;
  const months = MONTHS[lang];
  locale = {
    lang,
    t(key, params: object = {}) {
      const entry = ui[key];
      return typeof entry === "function" ? entry(params as Record<string, unknown>) : entry;
    },
    num(n, digits = 2) {
      if (n === null || n === undefined) return '-';
      const text = roundHalfAway(n, digits).toFixed(digits);
      return lang === 'id' ? text.replace('.', ',') : text;
    },
    date(iso) {
      const m = iso && /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      if (!m) return iso ?? '';
      return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    },
    problem(p) {
      const code = p.code.replace(SCHEMA_CODES, 'schema/$2');
      const words = problems[code];
      const path = code.startsWith('schema/') && p.path?.length ? ` (${lang === 'id' ? 'di' : 'at'} ${p.path.join('.')})` : '';
      return words ? words(p.params) + path : `${p.code} ${JSON.stringify(p.params)}`;
    },
    spec: lang === 'id' ? describeSpecId : describeSpec,
  };
  cache.set(lang, locale);
  return locale;
}
