import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { UnitInfo } from '../core/assessment.js';
import { MonevError, problem } from '../core/problem.js';
import { pathKind } from '../io/discover.js';
import { assertOutputIsNotInput, filesPerUnit, isFolderPath } from '../io/out-path.js';
import { PACKAGE_ROOT } from '../io/package-root.js';
import { BUNDLED_DIR, loadRubric } from '../io/rubric-file.js';
import { readUnitsFile } from '../io/units-file.js';
import { excelCsv } from '../render/csv.js';
import { longCsvTemplate, questionsTemplate, wideCsvTemplate, yamlTemplate } from '../render/template.js';
import { resolveLocale } from './lang.js';
import { requireCsvFormat, unknownFormat, usage } from './options.js';
import { emit, warn } from './output.js';

interface TemplateCommandOptions {
  rubric: string;
  format: string;
  wide?: boolean;
  units?: string;
  out?: string;
  lang?: string;
  excel?: boolean;
}

/** A blank assessment form generated from the rubric, in a format `score` reads. */
export async function templateCommand(options: TemplateCommandOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  if (!['yaml', 'csv', 'questions'].includes(options.format)) throw unknownFormat(options.format, ['yaml', 'csv', 'questions']);
  requireCsvFormat('--wide', options.wide, options.format);
  requireCsvFormat('--excel', options.excel, options.format);
  const { compiled, file } = loadRubric(options.rubric);
  if (options.out) assertOutputIsNotInput(options.out, [file, ...(options.units ? [options.units] : [])]);
  const list = options.units ? readUnitsFile(options.units) : { units: [], warnings: [] };
  warn(list.warnings, false, locale);
  const units = list.units;
  const render = (forUnits: UnitInfo[], out: string | undefined) => {
    const schemaRef = out ? relative(dirname(out), join(PACKAGE_ROOT, 'schema', 'assessment.schema.json')) : undefined;
    const template = { rubricRef: rubricReference(file, compiled.id, out), units: forUnits, locale, schemaRef, csv: options.excel ? excelCsv(locale.lang) : undefined };
    if (options.format === 'questions') return questionsTemplate(compiled, template);
    return options.format === 'yaml' ? yamlTemplate(compiled, template) : options.wide ? wideCsvTemplate(compiled, template) : longCsvTemplate(compiled, template);
  };
  // A form per unit, each in its own file, when --out names a folder: what field teams are handed.
  // The questions are one list for one form, whoever answers it.
  const onePerUnit = !options.wide && options.format !== 'questions';
  if (options.out && units.length && onePerUnit && isFolderPath(options.out)) {
    const forms = filesPerUnit(units, options.out, options.format);
    // A form already there may be one a team has filled in: never written over.
    const there = forms.filter((f) => pathKind(f.path) !== undefined);
    if (there.length) throw new MonevError([problem('output/forms-exist', { forms: there.map((f) => basename(f.path)) }, { file: options.out })]);
    for (const f of forms) await emit(render([f.unit], f.path), f.path);
    return;
  }
  // One form, or a wide CSV of all units, is one file: a folder is for a form per unit.
  if (options.out && isFolderPath(options.out)) throw usage('usage/out-folder', { out: options.out, wide: options.wide === true, questions: options.format === 'questions' });
  await emit(render(units, options.out), options.out);
}

/**
 * Bundled rubrics are named by id; a rubric file by its path relative to where the form goes. (The
 * id of a rubric of one's own names nothing `score` can find: only a bundled rubric's file is named
 * by its id.)
 */
function rubricReference(file: string, id: string, out: string | undefined): string {
  if (file === join(BUNDLED_DIR, `${id}.yaml`)) return id;
  const from = out ? dirname(out) : process.cwd();
  const rel = relative(from, file);
  return isAbsolute(rel) ? file : rel;
}
