import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import type { Sheet } from '../core/assessment.js';
import { missingCriteria, UnitCollector, type UnitAnswers } from '../core/collect.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import type { ReportHead } from '../core/report.js';
import { rosterOf } from '../core/roster.js';
import { krejcieMorgan, type UnitSample } from '../core/sample-size.js';
import type { CompiledRubric } from '../core/compile.js';
import { scoreUnit, type UnitResult } from '../core/score.js';
import { suggest } from '../core/suggest.js';
import { summaryAccumulator, type Summary } from '../core/summary.js';
import { discoverInputs } from '../io/assessment-files.js';
import { readUnitsFile } from '../io/units-file.js';
import { loadRubric, type LoadedRubric } from '../io/rubric-file.js';
import { parseAhead, parseThreadInputs, type ParseAhead } from '../io/parse-ahead.js';
import type { InputFormat } from '../io/input-formats.js';
import { displayName, sheetBatchesOf, STDIN } from '../io/sheet-stream.js';
import { decodeInput } from '../io/text-decoding.js';
import type { Locale } from '../i18n/locale.js';
import { quietFailure } from './output.js';
import { progressOnTerminal, type RoundProgress } from './progress.js';
import { unitRegistry } from './unit-registry.js';
import { packageVersion } from './version.js';

export interface RoundOptions {
  paths: string[];
  /** Keep every unit's rank in the summary (false for streamed line formats, to keep memory flat). */
  ranking?: boolean | undefined;
  rubric?: string | undefined;
  strict?: boolean | undefined;
  stdinFormat?: InputFormat | undefined;
  /** 1: read, parse and score on this thread; 2 (the default with two cores or more): large CSV rounds are parsed on a second one. */
  threads?: number | undefined;
  /** A wide CSV's columns that name no criterion are skipped with a warning instead of being errors. */
  skipOtherColumns?: boolean | undefined;
  /** The file listing the units the round should cover (`--units`): checked, and their details filled in. */
  units?: string | undefined;
  /** `--unit-column`: the header of the CSV column that holds the unit (a form's unit question), in place of `unit`. */
  unitColumn?: string | undefined;
}

export interface RoundHooks {
  /** Called once the rubric is known, before any unit. */
  begin?(head: ReportHead, loaded: LoadedRubric): void | Promise<void>;
  /** Each unit as soon as it is scored, while no error has been found. */
  unit?(result: UnitResult): void | Promise<void>;
  progress?(done: RoundProgress): void;
}

export interface RoundOutcome {
  /** Per unit id, its sample, for a survey rubric with a sample rule and a units list giving populations. */
  samples: ReadonlyMap<string, UnitSample>;
  loaded: LoadedRubric;
  head: ReportHead;
  summary: Summary;
  inputs: string[];
  warnings: Problem[];
  units: number;
}

/**
 * `scoreRound` as a command that reports to a person runs it: a progress line while it scores (on
 * a terminal, not with --quiet), and a failure with --quiet reduced to its errors.
 */
export async function scoreRoundShown(options: RoundOptions, hooks: RoundHooks, { quiet, locale }: { quiet: boolean | undefined; locale: Locale }): Promise<RoundOutcome> {
  const progress = progressOnTerminal(quiet, locale);
  try {
    return await scoreRound(options, { ...hooks, progress: progress.update });
  } catch (error) {
    throw quietFailure(error, quiet);
  } finally {
    progress.done();
  }
}

/**
 * Reads every input and scores every unit, streaming: a unit is scored and handed to `hooks.unit`
 * as soon as its sheet is read (or, for rubrics that average respondents, once every input is
 * read). Every problem of every input is gathered; if there is any error the run goes on reading,
 * so that all of them are reported, stops handing out units, and throws them together at the end.
 */
export async function scoreRound(options: RoundOptions, hooks: RoundHooks = {}): Promise<RoundOutcome> {
  const passedOver: Problem[] = [];
  const found = withProblems(() => discoverInputs(options.paths, (p) => passedOver.push(p)), passedOver);
  // The units list kept in the round's folder is the list, not an assessment.
  const listFile = options.units === undefined ? undefined : resolve(options.units);
  const inputs = listFile === undefined ? found : found.filter((path) => path === STDIN || resolve(path) !== listFile);
  if (inputs.length === 0) throw new MonevError([problem('input/no-files')]);
  // Started first, so that the thread's start overlaps loading the rubric.
  const threaded = parseThreadInputs(inputs, options.threads);
  const ahead = threaded ? parseAhead(threaded) : undefined;
  try {
    return await scoreInputs(inputs, options, hooks, ahead, passedOver);
  } finally {
    await ahead?.close();
  }
}

/** `fn`'s result; if it throws problems, `more` are thrown with them (the warnings found on the way). */
function withProblems<T>(fn: () => T, more: Problem[]): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof MonevError && more.length) throw new MonevError([...error.problems, ...more]);
    throw error;
  }
}

async function scoreInputs(inputs: string[], options: RoundOptions, hooks: RoundHooks, ahead: ParseAhead | undefined, passedOver: Problem[]): Promise<RoundOutcome> {
  const stdinText = inputs.includes(STDIN) ? decodeInput(readFileSync(0), displayName(STDIN)) : undefined;
  const errors: Problem[] = [];
  const warnings: Problem[] = [...passedOver];
  const report = (p: Problem) => (p.severity === 'error' ? errors : warnings).push(p);

  let loaded: LoadedRubric | undefined = options.rubric === undefined ? undefined : loadRubric(options.rubric);
  let head: ReportHead | undefined;
  let summary: ReturnType<typeof summaryAccumulator> | undefined;
  let collector: UnitCollector | undefined;
  /** Sheets read before the rubric is known, with the index of the input each came from. */
  const pending: [Sheet, number][] = [];
  let rubricFailed = false;
  const namingChecked = new Map<string, boolean>();
  const listed = options.units === undefined ? undefined : readUnitsFile(options.units).units;
  const roster = listed && rosterOf(listed);
  // With a units list, the list says which unit an id is (compared case-blind, see roster.ts).
  const registry = unitRegistry(inputs, report, { caseCheck: !roster });
  const samples = new Map<string, UnitSample>();
  let fileIndex = 0;
  /** The share of the current input read, when it is streamed. */
  let fileRead = 0;
  let units = 0;
  const progress = (files: number) => hooks.progress?.({ files, totalFiles: inputs.length, units, share: (fileIndex + fileRead) / inputs.length });
  let unitColumnFound = false;
  // The headers of files without it, for a "did you mean" (a round's files mostly share one header).
  const otherHeaders = new Set<string>();
  const unitColumn = options.unitColumn === undefined ? undefined : {
    header: options.unitColumn,
    found: () => void (unitColumnFound = true),
    absent: (headers: readonly string[]) => {
      for (const h of headers) if (otherHeaders.size < 1000) otherHeaders.add(h);
    },
  };

  // Synchronous unless the output asks to wait: a promise per unit would cost more than scoring it.
  const emit = (unit: UnitAnswers): void | Promise<void> => {
    const result = scoreCollected(loaded!.compiled, unit, options.strict, report);
    if (!result) return;
    units++;
    summary!.add(result);
    if (roster && result.respondents !== undefined && loaded!.compiled.sample) {
      const sample = sampleOf(result.unit.id, result.respondents, roster.population(result.unit.id), unit, report);
      if (sample) samples.set(result.unit.id, sample);
    }
    // Within a large file too, not only between files: the reporter itself decides when to draw.
    if (units % 256 === 0) progress(fileIndex);
    if (errors.length === 0) return hooks.unit?.(result);
  };

  const start = async (rubric: LoadedRubric) => {
    loaded = rubric;
    head = reportHead(rubric);
    summary = summaryAccumulator(rubric.compiled, { ranking: options.ranking ?? true });
    collector = new UnitCollector(rubric.compiled, { skipOtherColumns: options.skipOtherColumns });
    await hooks.begin?.(head, rubric);
  };
  if (loaded) await start(loaded);

  /** Files whose header names no criterion, said once each. */
  const namingNone = new Set<string>();
  const take = (sheet: Sheet, input: number): void | Promise<void> => {
    if (!checkRubricName(sheet, loaded!, options.rubric !== undefined, report, namingChecked)) return;
    if (collector!.namesNoCriterion(sheet)) {
      if (!namingNone.has(sheet.file)) {
        namingNone.add(sheet.file);
        // What each column most likely is (a misnamed unit column, a long CSV's header), then why no row is scored.
        collector!.take(sheet);
        collector!.drain().forEach(report);
        report(problem('input/no-criterion-columns', { rubric: loaded!.compiled.id, columns: sheet.row!.criteria }, { file: sheet.file, line: sheet.row!.headerLine }));
      }
      return;
    }
    if (roster) {
      // Before a unit is claimed or pooled: a sheet naming the unit by its name is that unit.
      const checked = roster.check(sheet.unit, { file: sheet.file, line: sheet.line });
      if (checked.problem) report(checked.problem);
      sheet.unit = checked.unit;
    }
    if (loaded!.compiled.aggregate === 'mean') return collector!.add(sheet);
    if (!registry.claim(sheet.unit.id, input, sheet.line, sheet.file)) return;
    const unit = collector!.take(sheet);
    const problems = collector!.drain();
    problems.forEach(report);
    // A warning (an unread date) leaves the unit scored; an error in its answers does not.
    if (!problems.some((p) => p.severity === 'error')) return emit(unit);
  };

  for (const [i, file] of inputs.entries()) {
    fileIndex = i;
    fileRead = 0;
    const onRead = hooks.progress && ((share: number) => (fileRead = share));
    const problemsBefore = errors.length + warnings.length;
    let sheetsRead = 0;
    try {
      for await (const sheets of sheetBatchesOf(file, report, { stdinFormat: options.stdinFormat, stdinText, ahead: ahead?.batches(i, onRead), onRead, unitColumn })) {
        sheetsRead += sheets.length;
        for (const sheet of sheets) {
          if (loaded) {
            const waiting = take(sheet, i);
            if (waiting) await waiting;
          } else if (!rubricFailed) {
            // Sheets wait until one of them names the rubric; the first that does decides.
            pending.push([sheet, i]);
            if (sheet.rubric === undefined) continue;
            try {
              await start(namedRubric(sheet));
            } catch (error) {
              rubricFailed = true;
              pending.length = 0;
              throw error;
            }
            for (const [s, input] of pending.splice(0)) await take(s, input);
          }
        }
      }
    } catch (error) {
      if (!(error instanceof MonevError)) throw error;
      error.problems.forEach(report);
    }
    // An empty file (a blank form sent back, a CSV with its header only) is no error, but not passed over in silence.
    if (sheetsRead === 0 && errors.length + warnings.length === problemsBefore) report(problem('input/empty-file', {}, { file: displayName(file), severity: 'warning' }));
    fileRead = 1;
    progress(i + 1);
  }
  // A misspelt header would leave every row of the export the unit its file is named after.
  if (unitColumn && !unitColumnFound) errors.push(problem('input/unit-column-not-found', { column: unitColumn.header, suggestion: suggest(unitColumn.header.trim(), otherHeaders) }));
  if (!loaded) {
    // Without any sheet read (every input failed), "no rubric" would only add noise.
    if (!rubricFailed && (pending.length > 0 || errors.length === 0)) errors.push(problem('assessment/no-rubric'));
    throw new MonevError([...errors, ...warnings]);
  }
  if (loaded.compiled.aggregate === 'mean') {
    collector!.drain().forEach(report);
    // Respondents are pooled by their unit's exact id: ids that differ only in letter case (a form's
    // unit typed in) are told of here, once each unit is whole, at its first respondent.
    const inputOf = new Map(inputs.map((input, i) => [displayName(input), i]));
    for (const unit of collector!.result()) {
      registry.claim(unit.unit.id, inputOf.get(unit.sources[0]!) ?? 0, unit.line, unit.sources[0]!);
      await emit(unit);
    }
  }
  if (units === 0 && errors.length === 0) errors.push(problem('input/no-units'));
  const notAssessed = roster?.notAssessed();
  if (notAssessed?.length) warnings.push(problem('units/not-assessed', { units: notAssessed.map((u) => u.id), names: notAssessed.map((u) => u.name), listed: listed!.length }, { file: options.units, severity: 'warning' }));
  // The round's own rubric kept among its assessments is expected there: only another rubric is worth a word.
  const own = resolve(loaded.file);
  const noted = warnings.filter((p) => p.code !== 'input/rubric-in-round' || resolve(p.file!) !== own);
  if (errors.length) throw new MonevError([...errors, ...noted]);
  const figures = summary!.summary();
  if (notAssessed) figures.notAssessed = notAssessed.map((u) => ({ unit: u.id, ...(u.name ? { name: u.name } : {}) }));
  return { loaded, head: head!, summary: figures, inputs, warnings: noted, units, samples };
}

/**
 * A survey unit's population and the respondents it needs (Krejcie and Morgan), when the units
 * list gives the population; fewer respondents than that is a warning, the score stands.
 */
function sampleOf(id: string, respondents: number, population: number | undefined, unit: UnitAnswers, report: (p: Problem) => void): UnitSample | undefined {
  if (population === undefined) return undefined;
  const needed = krejcieMorgan(population);
  if (respondents < needed) report(problem('units/small-sample', { unit: id, respondents, population, needed }, { file: unit.sources[0], line: unit.line, severity: 'warning' }));
  return { population, needed };
}

/** The rubric a sheet names; one that is not there is that sheet's problem, and says so. */
function namedRubric(sheet: Sheet): LoadedRubric {
  try {
    return loadRubric(namedSpec(sheet));
  } catch (error) {
    if (error instanceof MonevError) throw new MonevError(error.problems.map((p) => (p.file ? p : { ...p, file: sheet.file, line: sheet.line })));
    throw error;
  }
}

/** Scores a unit's collected answers; missing answers are a warning (an error with --strict). */
function scoreCollected(compiled: CompiledRubric, unit: UnitAnswers, strict: boolean | undefined, report: (p: Problem) => void): UnitResult | undefined {
  const missing = missingCriteria(compiled, unit);
  if (missing.length) {
    report(problem('unit/missing-answers', { unit: unit.unit.id, criteria: missing, strict: strict === true }, { file: unit.sources[0], line: unit.line, severity: strict ? 'error' : 'warning' }));
  }
  const outcome = scoreUnit(compiled, unit);
  if (!outcome.ok) {
    report({ ...outcome.problem, file: unit.sources[0], line: unit.line });
    return undefined;
  }
  return outcome.result;
}

/**
 * A sheet naming another rubric: a warning when --rubric chose, a conflict when the first sheet
 * did. False for a conflict: the sheet's answers are not read against the wrong rubric.
 */
function checkRubricName(sheet: Sheet, loaded: LoadedRubric, chosen: boolean, report: (p: Problem) => void, checked: Map<string, boolean>): boolean {
  if (sheet.rubric === undefined) return true;
  // Every row of a wide CSV may name the rubric: resolve each distinct name (per folder) once.
  const key = `${dirname(sheet.file)}\0${sheet.rubric}`;
  let same = checked.get(key);
  if (same === undefined) checked.set(key, (same = namesRubric(sheet, loaded)));
  if (same) return true;
  const where = { file: sheet.file, line: sheet.line };
  if (chosen) {
    report(problem('assessment/rubric-mismatch', { named: sheet.rubric, used: loaded.compiled.id }, { ...where, severity: 'warning' }));
    return true;
  }
  // Checking its answers against the other rubric would only add unknown criteria to the one error that matters.
  report(problem('assessment/several-rubrics', { rubrics: [sheet.rubric, loaded.compiled.id] }, where));
  return false;
}

export function reportHead(loaded: LoadedRubric): ReportHead {
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
      // Read when an output writes it (not the CSV format): hashing loads node:crypto, about 5 ms.
      get sha256() {
        return loaded.sha256;
      },
      groups: c.groups.map((g) => ({ id: g.id, title: g.title })),
      criteria: c.criterionList.map((x) => ({ id: x.id, title: x.title, group: x.groupPath })),
    },
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

