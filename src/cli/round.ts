import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Sheet } from '../core/assessment.js';
import { UnitCollector } from '../core/collect.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import type { ScoreReport } from '../core/report.js';
import { scoreUnit, type UnitResult } from '../core/score.js';
import { summaryAccumulator } from '../core/summary.js';
import { discoverInputs, readInput, STDIN, type InputFormat } from '../io/assessment-files.js';
import { loadRubric, type LoadedRubric } from '../io/rubric-file.js';
import { packageVersion } from './version.js';

export interface RoundOptions {
  paths: string[];
  rubric?: string | undefined;
  strict?: boolean | undefined;
  stdinFormat?: InputFormat | undefined;
}

export interface Round {
  loaded: LoadedRubric;
  report: ScoreReport;
  inputs: string[];
  warnings: Problem[];
}

/**
 * Reads every input, scores every unit and returns the report; all input problems of all files
 * are gathered and thrown together, so one run shows everything to fix.
 */
export function scoreRound(options: RoundOptions): Round {
  const inputs = discoverInputs(options.paths);
  if (inputs.length === 0) throw new MonevError([problem('input/no-files')]);
  const problems: Problem[] = [];
  const sheets: Sheet[] = [];
  for (const file of inputs) {
    try {
      const stdinText = file === STDIN ? readFileSync(0, 'utf8') : undefined;
      sheets.push(...readInput(file, options.stdinFormat, stdinText));
    } catch (error) {
      if (!(error instanceof MonevError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new MonevError(problems);
  const loaded = loadRubric(options.rubric ?? rubricNamedBy(sheets));
  const warnings: Problem[] = sheets
    .filter((sheet) => sheet.rubric !== undefined && !namesRubric(sheet, loaded))
    .map((sheet) => problem('assessment/rubric-mismatch', { named: sheet.rubric, used: loaded.compiled.id }, { file: sheet.file, line: sheet.line, severity: 'warning' }));
  const collector = new UnitCollector(loaded.compiled);
  for (const sheet of sheets) collector.add(sheet);
  problems.push(...collector.problems);
  const units = collector.result();
  if (units.length === 0 && problems.length === 0) problems.push(problem('input/no-units'));
  const results: UnitResult[] = [];
  const summary = summaryAccumulator(loaded.compiled);
  for (const unit of units) {
    const missing = loaded.compiled.criterionList.filter((c) => !unit.answers.has(c.id)).map((c) => c.id);
    if (missing.length) {
      const p = problem('unit/missing-answers', { unit: unit.unit.id, criteria: missing }, { file: unit.sources[0], severity: options.strict ? 'error' : 'warning' });
      (options.strict ? problems : warnings).push(p);
    }
    const outcome = scoreUnit(loaded.compiled, unit);
    if (!outcome.ok) {
      problems.push({ ...outcome.problem, file: unit.sources[0] });
      continue;
    }
    results.push(outcome.result);
    summary.add(outcome.result);
  }
  if (problems.length) throw new MonevError(problems);
  return { loaded, inputs, warnings, report: buildReport(loaded, results, summary.summary()) };
}

export function buildReport(loaded: LoadedRubric, units: UnitResult[], summary: ScoreReport['summary']): ScoreReport {
  const c = loaded.compiled;
  return {
    schemaVersion: 1,
    generator: { name: 'monev', version: packageVersion() },
    rubric: {
      id: c.id,
      title: c.title,
      version: c.version,
      source: c.source,
      scale: c.scale,
      aggregate: c.aggregate,
      zones: c.zones,
      sha256: loaded.sha256,
      groups: c.groups.map((g) => ({ id: g.id, title: g.title })),
    },
    units,
    summary,
  };
}

/** The rubric a sheet names, as a bundled id or a path relative to the sheet's file. */
function namedSpec(sheet: Sheet): string {
  const relative = join(dirname(sheet.file), sheet.rubric!);
  return /[\\/]|\.ya?ml$/.test(sheet.rubric!) && existsSync(relative) ? normalize(relative) : sheet.rubric!;
}

function namesRubric(sheet: Sheet, loaded: LoadedRubric): boolean {
  const spec = namedSpec(sheet);
  return spec === loaded.compiled.id || (existsSync(spec) && realpathSync(spec) === realpathSync(loaded.file));
}

/** Without --rubric, the assessments must agree on one `rubric:`; a path is relative to the file naming it. */
function rubricNamedBy(sheets: Sheet[]): string {
  const named = new Map<string, string>();
  for (const sheet of sheets) {
    if (!sheet.rubric) continue;
    named.set(namedSpec(sheet), sheet.rubric);
  }
  if (named.size === 0) throw new MonevError([problem('assessment/no-rubric')]);
  if (named.size > 1) throw new MonevError([problem('assessment/several-rubrics', { rubrics: [...named.keys()] })]);
  return [...named.keys()][0]!;
}
