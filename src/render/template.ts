import { criterionOfHeader } from '../core/column-header.js';
import type { AnswerSpec, CompiledCriterion, CompiledGroup, CompiledRubric } from '../core/compile.js';
import type { UnitInfo } from '../core/assessment.js';
import type { Locale } from '../i18n/locale.js';
import { csvLine, csvStart, PLAIN_CSV, type CsvDialect } from './csv.js';

/** The answers a field form offers for a criterion, in the rubric's own words. */
export function allowedAnswers(spec: AnswerSpec): string {
  const na = spec.na ? ` | ${spec.na[0]}` : '';
  switch (spec.type) {
    case 'boolean':
      return `${spec.yes[0]} | ${spec.no[0]}${na}`;
    case 'scale':
      return `${spec.min}..${spec.max}${spec.labels ? ` | ${spec.labels.map(([word, point]) => `${word} (${point})`).join(' | ')}` : ''}${na}`;
    case 'choice':
      return `${spec.options.join(' | ')}${na}`;
    case 'percent':
      return `0..100${na}`;
    case 'number':
      return `>= ${spec.min}${na}`;
  }
}

export interface TemplateOptions {
  /** How the form names its rubric: a bundled id, or a path relative to where the form is saved. */
  rubricRef: string;
  units: UnitInfo[];
  locale: Locale;
  /** Where the assessment JSON Schema is, from the form: lets editors complete and check it. */
  schemaRef?: string | undefined;
  /** How a CSV form is written (`template --excel`: for Excel to open as it is). */
  csv?: CsvDialect | undefined;
}

const yamlString = (s: string) => (/^[\w./-]+$/.test(s) ? s : JSON.stringify(s));
const comment = (text: string, indent: string) =>
  text
    .split(/\n/)
    .flatMap((line) => wrap(line, 96))
    .map((line) => `${indent}# ${line}`.trimEnd());

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    if (current && current.length + word.length + 1 > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...out, current] : out.length ? out : [''];
}

/** A blank YAML form: every criterion with its title, guidance and allowed answers as comments. */
export function yamlTemplate(rubric: CompiledRubric, { rubricRef, units, locale, schemaRef }: TemplateOptions): string {
  const answers: string[] = [];
  const walk = (group: CompiledGroup, depth: number) => {
    answers.push('', `  # ${'='.repeat(depth + 1)} ${group.title} [${group.id}]`);
    for (const child of group.children) {
      if (child.kind === 'group') walk(child, depth + 1);
      else answers.push(...criterionComment(child, locale), `  ${child.id}:`);
    }
  };
  rubric.groups.forEach((g) => walk(g, 0));
  const head = [
    ...(schemaRef ? [`# yaml-language-server: $schema=${schemaRef}`] : []),
    ...comment(locale.t('templateHead', rubric), ''),
    `rubric: ${yamlString(rubricRef)}`,
  ];
  const doc = (unit: UnitInfo | undefined) => [
    ...head,
    unit
      ? `unit: { id: ${yamlString(unit.id)}${unit.name ? `, name: ${yamlString(unit.name)}` : ''}${unit.type ? `, type: ${yamlString(unit.type)}` : ''}${unit.region ? `, region: ${yamlString(unit.region)}` : ''} }`
      : `# ${locale.t('templateUnit')}\n# unit: { id: …, name: … }`,
    '# date: YYYY-MM-DD',
    '# assessor: …',
    'answers:',
    ...answers,
  ];
  const docs = units.length ? units.map(doc) : [doc(undefined)];
  return `${docs.map((d) => d.join('\n')).join('\n---\n')}\n`;
}

function criterionComment(c: CompiledCriterion, locale: Locale): string[] {
  return [
    '',
    ...comment(c.title, '  '),
    ...(c.guidance ? comment(c.guidance, '  ') : []),
    `  # ${locale.t('templateAllowed')}: ${allowedAnswers(c.spec)}`,
  ];
}

/**
 * A long CSV form: one row per criterion (per unit, with --units) with its title and allowed
 * answers, and the rubric named on every row (as a long CSV carries it), so that the form scores
 * without --rubric.
 */
export function longCsvTemplate(rubric: CompiledRubric, { units, rubricRef, csv = PLAIN_CSV }: TemplateOptions): string {
  const withUnits = units.length > 0;
  let out = `${csvStart(csv)}${csvLine([...(withUnits ? ['unit', 'name'] : []), 'criterion', 'title', 'allowed', 'value', 'note', 'evidence', 'rubric'], csv)}`;
  for (const unit of withUnits ? units : [undefined]) {
    for (const c of rubric.criterionList) {
      out += csvLine([...(unit ? [unit.id, unit.name ?? ''] : []), c.id, c.title, allowedAnswers(c.spec), '', '', '', rubricRef], csv);
    }
  }
  return out;
}

/**
 * A wide CSV form: one header row of the unit's columns, the rubric and the criterion ids, for
 * spreadsheets and form tools; one row per unit with --units, else one row whose unit is the
 * file's name.
 */
export function wideCsvTemplate(rubric: CompiledRubric, { units, rubricRef, csv = PLAIN_CSV }: TemplateOptions): string {
  const ids = rubric.criterionList.map((c) => c.id);
  const blanks = ids.map(() => '');
  if (units.length === 0) return `${csvStart(csv)}${csvLine(['rubric', ...ids], csv)}${csvLine([rubricRef, ...blanks], csv)}`;
  let out = `${csvStart(csv)}${csvLine(['unit', 'name', 'type', 'region', 'rubric', ...ids], csv)}`;
  for (const u of units) out += csvLine([u.id, u.name ?? '', u.type ?? '', u.region ?? '', rubricRef, ...blanks], csv);
  return out;
}

/**
 * The rubric as the questions of an online form (Google Forms, Microsoft Forms), each headed so
 * that the form's export scores as it is (see core/column-header.ts): a criterion whose id has a
 * digit as its code and title (`U1. Persyaratan`), else by its title, or its title and id in
 * brackets when another criterion has the same title. Then its description and its choices: a
 * scale's words (or points), a choice's values, the yes and no words, and the n/a word where the
 * criterion allows it. A survey's profile questions come first, and the question for the unit.
 */
export function questionsTemplate(rubric: CompiledRubric, { units, locale }: TemplateOptions): string {
  const t = locale.t;
  // The plainest heading that reads back as this criterion: a title another criterion shares, or
  // one that is another's id, gets the id in brackets (read as a grid row's id).
  const names = (heading: string, c: CompiledCriterion) => {
    const m = criterionOfHeader(rubric, heading);
    return m !== undefined && 'criterion' in m && m.criterion === c;
  };
  const heading = (c: CompiledCriterion) => {
    const coded = `${c.id.toUpperCase()}. ${c.title}`;
    if (/\d/.test(c.id) && names(coded, c)) return coded;
    return names(c.title, c) ? c.title : `${c.title} [${c.id}]`;
  };
  const out = [`# ${rubric.title}`, '', ...wrap(t('questionsHead'), 100), ''];
  // The units' names a line each, as a form tool takes a drop-down's choices pasted at once.
  out.push(`unit`, `    ${t(units.length ? 'questionsUnitListed' : 'questionsUnit')}`, ...units.map((u) => `    ${u.name ?? u.id}`), '');
  for (const item of rubric.profile) out.push(item.title, `    ${t('questionsProfile')}`, '');
  const walk = (group: CompiledGroup, depth: number) => {
    out.push(`${'#'.repeat(depth + 2)} ${group.title}`, '');
    for (const child of group.children) {
      if (child.kind === 'group') {
        walk(child, depth + 1);
        continue;
      }
      out.push(heading(child));
      if (child.description) out.push(...wrap(child.description, 96).map((l) => `    ${l}`));
      out.push(`    ${choicesOf(child.spec).join(' / ')}`, '');
    }
  };
  rubric.groups.forEach((g) => walk(g, 0));
  return `${out.join('\n').trimEnd()}\n`;
}

/** A criterion's answers as a form's choices, with their first letter raised as forms show them. */
function choicesOf(spec: AnswerSpec): string[] {
  const raised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  // "tidak berlaku" reads as a choice where "na" would not.
  const na = spec.na ? [raised(spec.na.find((w) => w.includes(' ')) ?? spec.na[0]!)] : [];
  switch (spec.type) {
    case 'boolean':
      return [raised(spec.yes[0]!), raised(spec.no[0]!), ...na];
    case 'scale': {
      if (!spec.labels) return [...Array.from({ length: spec.max - spec.min + 1 }, (_, i) => String(spec.min + i)), ...na];
      // One word a point (a rubric may give a point several words): the first, in the rubric's order.
      const points = new Set<number>();
      return [...spec.labels.filter(([, point]) => !points.has(point) && points.add(point)).map(([word]) => raised(word)), ...na];
    }
    case 'choice':
      return [...spec.options.map(raised), ...na];
    case 'percent':
      return ['0-100', ...na];
    case 'number':
      return [`>= ${spec.min}`, ...na];
  }
}
