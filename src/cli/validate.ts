import { MonevError, problem, type Problem } from '../core/problem.js';
import { problemMessage, formatProblem } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { expandPaths } from '../io/discover.js';
import { isRubricTestFile } from '../io/input-formats.js';
import { checkRubricFile } from '../io/rubric-file.js';
import { githubMessage, githubProperty, xmlEscape } from '../render/ci-formats.js';
import { resolveLocale } from './lang.js';
import { parseNumberOption, usage } from './options.js';

interface ValidateOptions {
  lang?: string;
  rubric?: string;
  format: 'text' | 'json' | 'github' | 'junit';
  maxWarnings?: string;
  units?: string;
  skipOtherColumns?: boolean;
  unitColumn?: string;
}

interface FileResult {
  file: string;
  problems: Problem[];
}

export async function validateCommand(paths: string[], options: ValidateOptions): Promise<void> {
  const maxWarnings = parseNumberOption('--max-warnings', options.maxWarnings, 'a whole number >= 0', (n) => Number.isInteger(n) && n >= 0);
  const locale = resolveLocale(options.lang);
  // Rubric files have no units: a list given with them would be read for nothing, in silence.
  if (options.units !== undefined && options.rubric === undefined) throw usage('usage/invalid-option', { option: '--units', value: options.units, expected: 'assessments to check, with --rubric' });
  if (options.unitColumn !== undefined && options.rubric === undefined) throw usage('usage/invalid-option', { option: '--unit-column', value: options.unitColumn, expected: 'assessments to check, with --rubric' });
  const results = options.rubric ? await validateAssessments(paths, options.rubric, options) : await validateRubrics(rubricFiles(paths));
  const errors = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  process.stdout.write(render(results, options.format, errors, warnings, locale));
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) process.stderr.write(`${locale.t('tooManyWarnings', { warnings, max: maxWarnings })}\n`);
  process.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * Rubrics, and rubric test files for their shape, that their rubric is there and that what their
 * cases expect (zones, criteria) is in it (`monev test` runs the cases).
 */
async function validateRubrics(files: string[]): Promise<FileResult[]> {
  // Test files are read with the scoring code's schemas, loaded only when there is one: a rubric alone is checked without them.
  const tests = files.some(isRubricTestFile) ? await import('../io/rubric-test-file.js') : undefined;
  const testProblems = (file: string): Problem[] => {
    const loaded = tests!.readRubricTestFile(file);
    // A rubric with problems of its own is reported as itself; its cases are checked against it once it loads.
    const rubric = checkRubricFile(loaded.rubricFile).loaded;
    return rubric ? tests!.expectationProblemsOf(file, loaded, rubric.compiled) : [];
  };
  return files.map((file) => checked(file, () => (isRubricTestFile(file) ? testProblems(file) : checkRubricFile(file).problems)));
}

function checked(file: string, check: () => Problem[]): FileResult {
  try {
    return { file, problems: check() };
  } catch (error) {
    if (error instanceof MonevError) return { file, problems: error.problems };
    throw error;
  }
}

/** Rubric files and rubric test files (`x.test.yaml`), named or found under a folder. */
function rubricFiles(paths: string[]): string[] {
  return expandPaths(paths, {
    accept: (name) => /\.ya?ml$/.test(name),
    emptyFolder: (file) => problem('input/empty-folder', { extensions: ['.yaml', '.yml'] }, { file }),
  });
}

/** Assessments are checked exactly as `score` would read them, without scoring output. */
async function validateAssessments(paths: string[], rubric: string, { units, skipOtherColumns, unitColumn }: ValidateOptions): Promise<FileResult[]> {
  // Only this mode reads assessments: the rubric-only path (CI on every commit) does not load the scoring code.
  const { discoverInputs } = await import('../io/assessment-files.js');
  const { scoreRound } = await import('./round.js');
  const files = discoverInputs(paths);
  let problems: Problem[];
  try {
    problems = (await scoreRound({ paths, rubric, units, skipOtherColumns, unitColumn })).warnings;
  } catch (error) {
    if (!(error instanceof MonevError)) throw error;
    problems = error.problems;
  }
  const results = new Map(files.map((file) => [file, [] as Problem[]]));
  for (const p of problems) {
    const list = results.get(p.file ?? '') ?? [];
    if (!results.has(p.file ?? '')) results.set(p.file ?? '', list);
    list.push(p);
  }
  return [...results].map(([file, list]) => ({ file, problems: list }));
}

function render(results: FileResult[], format: ValidateOptions['format'], errors: number, warnings: number, locale: Locale): string {
  const all = results.flatMap((r) => r.problems);
  if (format === 'json') {
    // The round's own problems belong to no file: null, as a missing line or column is.
    const files = results.map((r) => ({
      file: r.file || null,
      valid: !r.problems.some((p) => p.severity === 'error'),
      problems: r.problems.map((p) => ({ code: p.code, severity: p.severity, file: p.file ?? (r.file || null), line: p.line ?? null, column: p.column ?? null, message: problemMessage(p, locale), params: p.params })),
    }));
    return `${JSON.stringify({ valid: errors === 0, errors, warnings, files }, null, 2)}\n`;
  }
  if (format === 'junit') return junit(results, locale);
  if (format === 'github') {
    return all
      .map((p) => {
        const props = [p.file && `file=${githubProperty(p.file)}`, p.line && `line=${p.line}`, p.column && `col=${p.column}`, `title=${githubProperty(p.code)}`].filter(Boolean).join(',');
        return `::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${githubMessage(problemMessage(p, locale))}\n`;
      })
      .join('');
  }
  const lines = all.map((p) => formatProblem(p, locale));
  // Problems of the round rather than of one file (no unit anywhere, an option that found nothing) are gathered under no file: not a file checked.
  lines.push(locale.t('filesChecked', { files: results.filter((r) => r.file !== '').length, errors, warnings }));
  return `${lines.join('\n')}\n`;
}

/** One test case per file: failed when the file has errors; every problem is listed in it. */
function junit(results: FileResult[], locale: Locale): string {
  const failed = results.filter((r) => r.problems.some((p) => p.severity === 'error')).length;
  const cases = results.map((r) => {
    const errors = r.problems.filter((p) => p.severity === 'error');
    const text = r.problems.map((p) => formatProblem(p, locale)).join('\n');
    const body = errors.length ? `<failure message="${xmlEscape(`${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`)}">${xmlEscape(text)}</failure>` : text ? `<system-out>${xmlEscape(text)}</system-out>` : '';
    // The round's own problems (no unit anywhere, an option that found nothing) belong to no file.
    const named = r.file === '' ? 'name="(round)"' : `name="${xmlEscape(r.file)}" file="${xmlEscape(r.file)}"`;
    return `    <testcase classname="monev.validate" ${named}>${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="monev validate" tests="${results.length}" failures="${failed}">\n  <testsuite name="monev validate" tests="${results.length}" failures="${failed}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
