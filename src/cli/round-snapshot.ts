import { diffRounds, renamedUnits, roundRubric, roundUnit, rubricChanges, type RoundDiff, type RoundSnapshot } from '../core/diff.js';
import { MonevError, problem } from '../core/problem.js';
import type { Locale } from '../i18n/locale.js';
import { pathKind } from '../io/discover.js';
import { readResult, resultFormatOf } from '../io/result-file.js';
import { warn } from './output.js';
import { scoreRoundShown } from './round.js';

/** How a round of assessments is read: what `score` takes for it, for a round scored now to compare. */
export interface RoundReading {
  rubric?: string | undefined;
  quiet?: boolean | undefined;
  units?: string | undefined;
  skipOtherColumns?: boolean | undefined;
  unitColumn?: string | undefined;
}

/** Whether `path` is a round scored before (a result file) rather than assessments to score now. */
export function isResultFile(path: string): boolean {
  return resultFormatOf(path) !== undefined && pathKind(path) === 'file';
}

/**
 * A round as a comparison reads it (`diff`, `report --previous`): a `score --format json` or
 * `jsonl` file, or assessment files and folders scored now, read as `score` reads a round (the same
 * units list, form columns and unit column: a round of form exports needs them every time). The
 * rubric file a scored round used is added to `rubricFiles` (an `--out` may not overwrite it).
 */
export async function roundSnapshot(path: string, options: RoundReading, locale: Locale, rubricFiles: string[]): Promise<RoundSnapshot> {
  if (isResultFile(path)) return readResult(path, resultFormatOf(path)!);
  const units: RoundSnapshot['units'] = [];
  const reading = { paths: [path], rubric: options.rubric, units: options.units, skipOtherColumns: options.skipOtherColumns, unitColumn: options.unitColumn };
  const outcome = await scoreRoundShown(reading, { unit: (u) => void units.push(roundUnit(u)) }, { quiet: options.quiet, locale });
  warn(outcome.warnings, options.quiet, locale);
  rubricFiles.push(outcome.loaded.file);
  return { rubric: roundRubric(outcome.head.rubric), units };
}

/**
 * Two rounds compared unit by unit. Rounds scored with different rubrics are not comparable: an
 * error, or a warning with `allowRubricChange`. Units whose id seems to have changed are warned of.
 */
export function compareRounds(before: RoundSnapshot, after: RoundSnapshot, options: { allowRubricChange?: boolean | undefined; tolerance?: number; quiet?: boolean | undefined }, locale: Locale): RoundDiff {
  const changes = rubricChanges(before.rubric, after.rubric);
  if (changes.length) {
    const p = problem('diff/rubric-changed', { changes }, { severity: options.allowRubricChange ? 'warning' : 'error' });
    if (!options.allowRubricChange) throw new MonevError([p]);
    warn([p], options.quiet, locale);
  }
  const diff = diffRounds(before, after, options.tolerance);
  warn(renamedUnits(diff).map((r) => problem('diff/renamed-unit', r, { severity: 'warning' })), options.quiet, locale);
  return diff;
}
