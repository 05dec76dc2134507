/**
 * Which language a run asks for, before it is checked: --lang, else MONEV_LANG, else LC_ALL /
 * LANG starting with "id", else English. Import-free, so the help can use it at start-up.
 */
export function requestedLang(option: string | undefined, env: NodeJS.ProcessEnv): { code: string; from: '--lang' | 'MONEV_LANG' | 'system'; value: string } {
  const chosen = option ?? env.MONEV_LANG;
  if (chosen && option !== undefined) return { code: option.toLowerCase().slice(0, 2), from: '--lang', value: option };
  if (chosen && env.MONEV_LANG) return { code: env.MONEV_LANG.toLowerCase().slice(0, 2), from: 'MONEV_LANG', value: env.MONEV_LANG };
  const system = env.LC_ALL || env.LANG || '';
  return { code: system.toLowerCase().startsWith('id') ? 'id' : 'en', from: 'system', value: system };
}
