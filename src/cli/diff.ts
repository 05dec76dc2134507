import { problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import { assertOutputIsNotInput } from '../io/out-path.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffTable } from '../render/diff.js';
import { plainPainter } from '../render/types.js';
import { resolveLocale } from './lang.js';
import { parseNumberOption, unknownFormat, usage, wantsColor } from './options.js';
import { emit } from './output.js';
import { compareRounds, isResultFile, roundSnapshot } from './round-snapshot.js';

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
  units?: string;
  skipOtherColumns?: boolean;
  unitColumn?: string;
}

const FORMATS = ['table', 'json', 'markdown'];

export async function diffCommand(beforePath: string, afterPath: string, options: DiffOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  const format = options.format ?? (process.stdout.isTTY && !options.out ? 'table' : 'json');
  if (!FORMATS.includes(format)) throw unknownFormat(format, FORMATS);
  const tolerance = parseNumberOption('--tolerance', options.tolerance, 'points >= 0', (n) => n >= 0)!;
  // How assessments are read means nothing for two results read back: said, not ignored.
  const reading = (['units', 'skipOtherColumns', 'unitColumn'] as const).find((key) => options[key] !== undefined);
  if (reading && isResultFile(beforePath) && isResultFile(afterPath)) {
    const option = { units: '--units', skipOtherColumns: '--skip-other-columns', unitColumn: '--unit-column' }[reading];
    throw usage('usage/invalid-option', { option, value: String(options[reading]), expected: 'a round of assessment files to read (both rounds are score results)' });
  }
  if (options.out) assertOutputIsNotInput(options.out, [beforePath, afterPath, ...(options.units ? [options.units] : [])]);
  const rubricFiles: string[] = [];
  const before = await roundSnapshot(beforePath, options, locale, rubricFiles);
  const after = await roundSnapshot(afterPath, options, locale, rubricFiles);
  if (options.out) assertOutputIsNotInput(options.out, rubricFiles);
  const diff = compareRounds(before, after, { ...options, tolerance }, locale);
  const paint = format === 'table' && !options.out && wantsColor(options.color, process.stdout) ? (await import('./paint.js')).chalkPainter() : plainPainter;
  const text = format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff, locale) : renderDiffTable(diff, locale, paint, !options.out && process.stdout.isTTY ? process.stdout.columns : undefined);
  await emit(text, options.out);
  if (options.failOnRegression && diff.regressions.length) {
    process.stderr.write(`${formatProblem(problem('diff/regression', { units: diff.regressions }), locale)}\n`);
    process.exitCode = 1;
  }
}
