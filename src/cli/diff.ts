import { diffRounds, renamedUnits, roundRubric, roundUnit, rubricChanges, type RoundSnapshot } from '../core/diff.js';
import { MonevError, problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { pathKind } from '../io/discover.js';
import { assertOutputIsNotInput } from '../io/out-path.js';
import { readResult, resultFormatOf } from '../io/result-file.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffTable } from '../render/diff.js';
import { plainPainter } from '../render/types.js';
import { resolveLocale } from './lang.js';
import { parseNumberOption, unknownFormat, wantsColor } from './options.js';
import { emit, quietFailure, warn } from './output.js';
import { scoreRound } from './round.js';

interface DiffOptions {
  rubric?: string;
  format?: string;
  out?: string;
  allowRubricChange?: boolean;
  failOnRegression?: boolean;
  tolerance: string;
  color?: boolean;
  quiet?: boolean;
  lang?: string;
}

const FORMATS = ['table', 'json', 'markdown'];

export async function diffCommand(beforePath: string, afterPath: string, options: DiffOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  const format = options.format ?? (process.stdout.isTTY && !options.out ? 'table' : 'json');
  if (!FORMATS.includes(format)) throw unknownFormat(format, FORMATS);
  const tolerance = parseNumberOption('--tolerance', options.tolerance, 'points >= 0', (n) => n >= 0)!;
  if (options.out) assertOutputIsNotInput(options.out, [beforePath, afterPath]);
  const rubricFiles: string[] = [];
  const before = await snapshot(beforePath, options, locale, rubricFiles);
  const after = await snapshot(afterPath, options, locale, rubricFiles);
  if (options.out) assertOutputIsNotInput(options.out, rubricFiles);
  const changes = rubricChanges(before.rubric, after.rubric);
  if (changes.length) {
    const p = problem('diff/rubric-changed', { changes }, { severity: options.allowRubricChange ? 'warning' : 'error' });
    if (!options.allowRubricChange) throw new MonevError([p]);
    warn([p], options.quiet, locale);
  }
  const diff = diffRounds(before, after, tolerance);
  warn(renamedUnits(diff).map((r) => problem('diff/renamed-unit', r, { severity: 'warning' })), options.quiet, locale);
  const paint = format === 'table' && !options.out && wantsColor(options.color, process.stdout) ? (await import('./paint.js')).chalkPainter() : plainPainter;
  const text = format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff, locale) : renderDiffTable(diff, locale, paint, !options.out && process.stdout.isTTY ? process.stdout.columns : undefined);
  await emit(text, options.out);
  if (options.failOnRegression && diff.regressions.length) {
    process.stderr.write(`${formatProblem(problem('diff/regression', { units: diff.regressions }), locale)}\n`);
    process.exitCode = 1;
  }
}

/** A round from a `score --format json` or `jsonl` file, or scored now from assessment files or folders. */
async function snapshot(path: string, options: DiffOptions, locale: Locale, rubricFiles: string[]): Promise<RoundSnapshot> {
  const result = resultFormatOf(path);
  if (result && pathKind(path) === 'file') return readResult(path, result);
  const units: RoundSnapshot['units'] = [];
  const outcome = await scoreRound(
    { paths: [path], rubric: options.rubric },
    { unit: (u) => void units.push(roundUnit(u)) },
  ).catch((error: unknown) => {
    throw quietFailure(error, options.quiet);
  });
  warn(outcome.warnings, options.quiet, locale);
  rubricFiles.push(outcome.loaded.file);
  return { rubric: roundRubric(outcome.head.rubric), units };
}
