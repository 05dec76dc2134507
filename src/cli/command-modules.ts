/**
 * Every module a command runs, each imported only when that command runs. In the build this file
 * is the entry of one CommonJS bundle that starts from a V8 code cache (see command-bundle.ts);
 * from the sources, as in the tests, the imports are plain.
 */
export const commandModules = {
  score: () => import('./score.js'),
  validate: () => import('./validate.js'),
  template: () => import('./template.js'),
  diff: () => import('./diff.js'),
  report: () => import('./report.js'),
  test: () => import('./test-rubrics.js'),
  schema: () => import('./schema.js'),
  rubrics: () => import('./rubrics.js'),
  // A failure is reported by the same bundle that threw it: `instanceof MonevError` needs one class.
  failure: () => import('./failure.js'),
  locale: () => import('../i18n/locale.js'),
  lang: () => import('./lang.js'),
};

export type CommandModules = typeof commandModules;

export function loadCommand<K extends keyof CommandModules>(name: K): ReturnType<CommandModules[K]> {
  return commandModules[name]() as ReturnType<CommandModules[K]>;
}
