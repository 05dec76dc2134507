import type { Problem } from '../core/problem.js';
import { en } from './en.js';

const catalogue = en;

export function problemMessage(p: Problem): string {
  const code = p.code.replace(/^(rubric|assessment)\/(unknown-key|missing-key|wrong-type|too-small|too-big|invalid-format|invalid-value|invalid)$/, 'schema/$2');
  const words = catalogue[code];
  const path = p.path && p.path.length ? ` (at ${p.path.join('.')})` : '';
  return words ? words(p.params) + (code.startsWith('schema/') ? path : '') : `${p.code} ${JSON.stringify(p.params)}`;
}

export function problemLocation(p: Problem): string {
  return [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
}

/** `file:line:column: error: message [code]`, the shape editors and CI logs recognise. */
export function formatProblem(p: Problem): string {
  const where = problemLocation(p);
  return `${where ? `${where}: ` : ''}${p.severity}: ${problemMessage(p)} [${p.code}]`;
}
