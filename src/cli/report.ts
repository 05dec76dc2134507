import { roundRubric, roundUnit, type RoundDiff } from '../core/diff.js';
import type { ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { Locale } from '../i18n/locale.js';
import { isIsoDay } from '../core/calendar-day.js';
import { assertOutputIsNotInput, filesPerUnit, isFolderPath } from '../io/out-path.js';
import { renderReportHtml, renderUnitReportHtml } from '../render/report-html.js';
import { renderReportMarkdown, renderUnitReportMarkdown } from '../render/report-markdown.js';
import { resolveLocale } from './lang.js';
import { unknownFormat, usage } from './options.js';
import { emit, warn } from './output.js';
import { scoreRoundShown } from './round.js';
import { compareRounds, roundSnapshot } from './round-snapshot.js';

interface ReportCommandOptions {
  rubric?: string;
  format: string;
  out?: string;
  date?: string;
  strict?: boolean;
  quiet?: boolean;
  lang?: string;
  units?: string;
  skipOtherColumns?: boolean;
  unitColumn?: string;
  previous?: string;
  allowRubricChange?: boolean;
}

/** The round as a report for the Sekda and the units: one self-contained HTML file, or Markdown. */
export async function reportCommand(paths: string[], options: ReportCommandOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  if (!['html', 'markdown'].includes(options.format)) throw unknownFormat(options.format, ['html', 'markdown']);
  // A page of HTML on a terminal helps nobody: it goes to a file.
  if (options.format === 'html' && !options.out && process.stdout.isTTY) throw usage('usage/html-to-terminal', {});
  if (options.date !== undefined && !isIsoDay(options.date)) throw usage('usage/invalid-option', { option: '--date', value: options.date, expected: 'a date YYYY-MM-DD' });
  if (options.out) assertOutputIsNotInput(options.out, [...paths, ...(options.units ? [options.units] : []), ...(options.previous ? [options.previous] : [])]);
  const units: UnitResult[] = [];
  const outcome = await scoreRoundShown({ paths, rubric: options.rubric, strict: options.strict, units: options.units, skipOtherColumns: options.skipOtherColumns, unitColumn: options.unitColumn }, { unit: (u) => void units.push(u) }, { quiet: options.quiet, locale });
  if (options.out) assertOutputIsNotInput(options.out, [outcome.loaded.file]);
  warn(outcome.warnings, options.quiet, locale);
  const report = { ...outcome.head, units, summary: outcome.summary };
  const previous = options.previous === undefined ? undefined : await previousRound(options.previous, report, options, locale);
  const roundDates = options.date ? [options.date] : units.map((u) => u.date).filter((d): d is string => Boolean(d));
  const reportOptions = { locale, rubric: outcome.loaded.compiled, roundDates, generated: new Date().toISOString().slice(0, 10), previous, samples: outcome.samples };
  // --out naming a folder: a page per unit, for each unit's own follow-up (rewritten each run).
  if (options.out && isFolderPath(options.out)) {
    const pages = filesPerUnit(units.map((u) => ({ id: u.unit.id, result: u })), options.out, options.format === 'html' ? 'html' : 'md');
    for (const { unit, path } of pages) {
      await emit(options.format === 'html' ? renderUnitReportHtml(report, unit.result, reportOptions) : renderUnitReportMarkdown(report, unit.result, reportOptions), path);
    }
    return;
  }
  await emit(options.format === 'html' ? renderReportHtml(report, reportOptions) : renderReportMarkdown(report, reportOptions), options.out);
}

/**
 * This round against the one before (`--previous`: a score JSON or JSONL file, or its
 * assessments, scored with this round's rubric unless --rubric was left to the assessments).
 */
async function previousRound(path: string, report: ScoreReport, options: ReportCommandOptions, locale: Locale): Promise<RoundDiff> {
  const rubricFiles: string[] = [];
  const before = await roundSnapshot(path, options, locale, rubricFiles);
  if (options.out) assertOutputIsNotInput(options.out, rubricFiles);
  const now = { rubric: roundRubric(report.rubric), units: report.units.map(roundUnit) };
  return compareRounds(before, now, options, locale);
}
