import { existsSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { MonevError, problem } from '../core/problem.js';
import { runCase, type CaseResult } from '../core/rubric-tests.js';
import { formatProblem } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { expandPaths } from '../io/discover.js';
import { isRubricTestFile } from '../io/input-formats.js';
import { loadRubric } from '../io/rubric-file.js';
import { expectationProblemsOf, readRubricTestFile } from '../io/rubric-test-file.js';
import { githubMessage, githubProperty, xmlEscape } from '../render/ci-formats.js';
import { resolveLocale } from './lang.js';
import { unknownFormat } from './options.js';

interface TestOptions {
  format: string;
  lang?: string;
}

interface FileRun {
  file: string;
  rubric: string;
  cases: CaseResult[];
}

const FORMATS = ['text', 'github', 'junit'];

/** Runs every case of the rubric tests found in `paths`; exit 1 on any failure. */
export async function testCommand(paths: string[], options: TestOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  if (!FORMATS.includes(options.format)) throw unknownFormat(options.format, FORMATS);
  const loaded = testFiles(paths).map(loadFile);
  // A test file naming a zone or a criterion its rubric lacks is an input error, for every file at once.
  const mistakes = loaded.flatMap((l) => l.problems);
  if (mistakes.length) throw new MonevError(mistakes);
  const runs = loaded.map(runFile);
  const failed = runs.reduce((n, r) => n + r.cases.filter((c) => c.failures.length).length, 0);
  const total = runs.reduce((n, r) => n + r.cases.length, 0);
  const text = options.format === 'junit' ? junit(runs) : options.format === 'github' ? github(runs, locale) : textReport(runs, locale, total, failed);
  process.stdout.write(text);
  process.exitCode = failed ? 1 : 0;
}

/** `x.test.yaml` files named or found in folders; a rubric file stands for its companion test file. */
function testFiles(paths: string[]): string[] {
  return expandPaths(paths, {
    accept: isRubricTestFile,
    emptyFolder: (file) => problem('test/none', {}, { file }),
    file: (path) => {
      if (isRubricTestFile(path)) return path;
      const companion = path.replace(/\.ya?ml$/, '.test.yaml');
      return companion !== path && existsSync(companion) ? companion : problem('test/none', {}, { file: path });
    },
  });
}

function loadFile(file: string) {
  const tests = readRubricTestFile(file);
  const { compiled } = loadRubric(tests.rubricFile);
  return { file, tests, compiled, problems: expectationProblemsOf(file, tests, compiled) };
}

function runFile({ file, tests: { data, doc, rubricFile }, compiled }: ReturnType<typeof loadFile>): FileRun {
  const cases = data.cases.map((c, i) => runCase(compiled, c, { file, line: doc.locate(['cases', i]).line }, parseTable));
  return { file, rubric: rubricFile, cases };
}

function parseTable(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'number' ? v.toFixed(2) : String(v));

function failureLines(c: CaseResult, locale: Locale): string[] {
  return [
    ...c.failures.map((f) => `    ${f.field}: ${locale.t('expected')} ${show(f.expected)}, ${locale.t('got')} ${show(f.got)}`),
    ...c.problems.map((p) => `    ${formatProblem(p, locale)}`),
  ];
}

function textReport(runs: FileRun[], locale: Locale, total: number, failed: number): string {
  const lines: string[] = [];
  for (const run of runs) {
    lines.push(`${run.file} (${run.rubric})`);
    for (const c of run.cases) {
      lines.push(`  ${c.failures.length ? '✗' : '✓'} ${c.name}${c.failures.length ? ` (${run.file}:${c.line})` : ''}`);
      if (c.failures.length) lines.push(...failureLines(c, locale));
    }
  }
  lines.push('', locale.t('testsSummary', { total, failed, passed: total - failed }));
  return `${lines.join('\n')}\n`;
}

function github(runs: FileRun[], locale: Locale): string {
  return runs
    .flatMap((run) =>
      run.cases
        .filter((c) => c.failures.length)
        .map((c) => `::error file=${githubProperty(run.file)},line=${c.line ?? 1},title=${githubProperty(c.name)}::${githubMessage(failureLines(c, locale).map((l) => l.trim()).join('\n'))}\n`),
    )
    .join('');
}

function junit(runs: FileRun[]): string {
  const en = resolveLocale('en');
  const total = runs.reduce((n, r) => n + r.cases.length, 0);
  const failures = runs.reduce((n, r) => n + r.cases.filter((c) => c.failures.length).length, 0);
  const suites = runs.map((run) => {
    const failed = run.cases.filter((c) => c.failures.length).length;
    const cases = run.cases.map((c) => {
      const body = c.failures.length ? `<failure message="${xmlEscape(c.failures.map((f) => f.field).join(', '))}">${xmlEscape(failureLines(c, en).join('\n'))}</failure>` : '';
      return `    <testcase classname="${xmlEscape(run.rubric)}" name="${xmlEscape(c.name)}" file="${xmlEscape(run.file)}" line="${c.line ?? 1}">${body}</testcase>`;
    });
    return `  <testsuite name="${xmlEscape(run.file)}" tests="${run.cases.length}" failures="${failed}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="monev test" tests="${total}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
