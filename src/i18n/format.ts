import type { Problem } from '../core/problem.js';
import { localeFor, type Locale } from './locale.js';

export function problemLocation(p: Problem): string {
  return [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
}

/** `file:line:column: error: message [code]`, the shape editors and CI logs recognise. */
export function formatProblem(p: Problem, locale: Locale = localeFor('en')): string {
  const where = problemLocation(p);
  return `${where ? `${where}: ` : ''}${locale.t(p.severity)}: ${locale.problem(p)} [${p.code}]`;
}

export function problemMessage(p: Problem, locale: Locale = localeFor('en')): string {
  return locale.problem(p);
}
