import type { AnswerRecord, Position, Sheet, SheetRow, UnitInfo } from './assessment.js';
import type { CompiledCriterion, CompiledRubric, RawAnswer } from './compile.js';
import { parseDay } from './calendar-day.js';
import { criterionOfHeader, profileItemOf, suggestCriterion } from './column-header.js';
import { problem, type Problem } from './problem.js';
import { columnMeant, normalizeWord } from './vocabulary.js';

/** A criterion's answers for one unit, combined (one answer, or the mean of respondents' answers). */
export interface CollectedAnswer {
  /** null: not applicable. */
  fraction: number | null;
  /** The answer as given (single answer) or the mean raw value (several). */
  value: string | number | boolean | null;
  /** Answers that counted (n/a and blanks excluded). */
  responses: number;
  /** Mean raw value of numeric answers (the SKM's "NRR"), null when not numeric. */
  mean: number | null;
  note?: string | undefined;
  evidence?: string | undefined;
}

export interface UnitAnswers {
  unit: UnitInfo;
  sources: string[];
  /** Line of the unit's first sheet, for messages. */
  line?: number | undefined;
  date?: string | undefined;
  assessor?: string | undefined;
  /** Largest number of answers any criterion received: the number of respondents. */
  respondents: number;
  /** Indexed by the criterion's position in the rubric (CompiledCriterion.index); undefined: no answer. */
  answers: (CollectedAnswer | undefined)[];
  /** A survey's respondent profile (the rubric's `profile`), from the rows' columns that give it. */
  profile?: ProfileCount[];
}

/** How the respondents of a unit answered one profile question: `Jenis kelamin`: P 9, L 6. */
export interface ProfileCount {
  id: string;
  title: string;
  counts: { answer: string; count: number }[];
}

/** The answer a unit gave to a criterion, by id. */
export function answerFor(rubric: CompiledRubric, unit: UnitAnswers, id: string): CollectedAnswer | undefined {
  const c = rubric.criteria.get(id);
  return c ? unit.answers[c.index] : undefined;
}

/** Ids of the criteria the unit did not answer, in rubric order. */
export function missingCriteria(rubric: CompiledRubric, unit: UnitAnswers): readonly string[] {
  // Asked of every unit, and most have none missing: no list is built for them.
  const answers = unit.answers;
  const criteria = rubric.criterionList;
  let i = 0;
  while (i < criteria.length && answers[criteria[i]!.index] !== undefined) i++;
  if (i === criteria.length) return NONE_MISSING;
  return criteria.slice(i).filter((c) => answers[c.index] === undefined).map((c) => c.id);
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

interface Tally {
  first: Position;
  fractionSum: number;
  values: number;
  na: number;
  numericSum: number;
  numericCount: number;
  value: string | number | boolean | null;
  notes: string[] | undefined;
  evidence: string[] | undefined;
}

interface PooledUnit {
  unit: UnitInfo;
  sources: Set<string>;
  line?: number | undefined;
  date?: string | undefined;
  assessor?: string | undefined;
  tallies: (Tally | undefined)[];
  /** Per profile item, each answer's count under its key (case-blind), with the first spelling met. */
  profile?: Map<string, { answer: string; count: number }>[];
}

/** A respondent's details from a survey row: one more count for each answer given. */
function countProfile(unit: PooledUnit, row: SheetRow, cells: readonly { item: number; cell: number }[]): void {
  for (const { item, cell } of cells) {
    const answer = row.cells[cell]!.trim();
    if (answer === '') continue;
    const counts = ((unit.profile ??= [])[item] ??= new Map());
    const key = normalizeWord(answer);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { answer, count: 1 });
  }
}

interface WideColumns {
  /** Per column, its criterion (undefined: unknown). */
  criteria: (CompiledCriterion | undefined)[];
  /** Per column that names none, the criteria whose shared title it is (sparse). */
  ambiguous: (readonly string[] | undefined)[];
  /** A criterion named by two columns: each answer must then be checked for a duplicate. */
  repeated: boolean;
  /** Per column that is a profile item's (a respondent's detail, not scored), true (sparse). */
  profiled: (true | undefined)[];
  /** The cells that give profile items: the item's index in the rubric's profile, and the cell. */
  profile: { item: number; cell: number }[];
  /** No column names a criterion, nor a title several share. */
  namesNone: boolean;
}

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

const isBlank = (value: RawAnswer | undefined) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Parses every answer with the compiled rubric and combines them per unit. Invalid answers,
 * unknown criteria and (unless the rubric averages) repeated answers are problems, never dropped.
 */
export class UnitCollector {
  private problems: Problem[] = [];
  private readonly pooled = new Map<string, PooledUnit>();
  private readonly unknownReported = new Set<string>();
  private lastSources: string[] | undefined;
  /** Wide-CSV headers resolved to criteria once per file, not once per row. */
  private readonly columnCache = new WeakMap<readonly string[], WideColumns>();
  private lastIds: readonly string[] | undefined;
  private lastColumns: WideColumns | undefined;
  /** Answers one at a time: the criterion ids met at each place of the last sheet, and their criteria. */
  private readonly idsAt: string[] = [];
  private readonly criteriaAt: CompiledCriterion[] = [];
  private lastDate: string | undefined;
  private readonly unreadDates = new Set<string>();

  /** With `skipOtherColumns`, the wide-CSV columns skipped per file: one warning each, naming them all. */
  private readonly skipped = new Map<string, string[]>();

  /**
   * `skipOtherColumns` (`--skip-other-columns`): a wide CSV's column that names no criterion is
   * left unread with a warning, not an error: a form export's other questions, kept as exported.
   */
  constructor(
    private readonly rubric: CompiledRubric,
    private readonly options: { skipOtherColumns?: boolean | undefined } = {},
  ) {}

  /**
   * Whether the sheet is a wide row whose header names no criterion of the rubric: no assessment
   * of it, whatever the rows hold (an office's list of units kept in the round's folder, a sheet
   * for another rubric). Its rows are no units: scored, each would be every criterion missing.
   */
  namesNoCriterion(sheet: Sheet): boolean {
    return sheet.row !== undefined && this.wideColumns(sheet.row).namesNone;
  }

  /**
   * One sheet as a whole unit, not kept: the streaming path, where a unit's answers come from one
   * sheet. Single answers without notes are the parsed answers themselves: no allocation per answer.
   */
  take(sheet: Sheet): UnitAnswers {
    this.checkDate(sheet);
    const row = sheet.row;
    if (row) {
      const columns = this.wideColumns(row);
      if (!columns.repeated) return this.takeRow(sheet, row, columns);
    }
    // Answers one at a time (a long CSV's rows, a YAML document's answers, a wide row naming a
    // criterion twice): the first valid answer to a criterion counts, another is an error.
    const answers: (CollectedAnswer | undefined)[] = new Array(this.rubric.criterionList.length);
    const firstAt: (AnswerRecord | number | undefined)[] = new Array(this.rubric.criterionList.length);
    let respondents = 0;
    this.eachAnswer(sheet, (c, record, value, note, evidence) => {
      const parsed = this.parse(c, value, sheet, record);
      if (parsed === undefined) return;
      const first = firstAt[c.index];
      if (first !== undefined) {
        this.problems.push(problem('answer/duplicate', { criterion: c.id, unit: sheet.unit.id, first: formatPosition(positionOf(sheet, first)) }, positionOf(sheet, record)));
        return;
      }
      firstAt[c.index] = record;
      answers[c.index] = note || evidence ? { ...parsed, note: note || undefined, evidence: evidence || undefined } : parsed;
      respondents = 1;
    });
    return this.unitOf(sheet, respondents, answers);
  }

  /** A wide row whose header names each criterion once: no duplicate to look for, no closure per answer. */
  private takeRow(sheet: Sheet, row: SheetRow, { criteria, ambiguous, profiled }: WideColumns): UnitAnswers {
    const answers: (CollectedAnswer | undefined)[] = new Array(this.rubric.criterionList.length);
    const { cells, columns } = row;
    let respondents = 0;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k];
      if (c === undefined) {
        if (!profiled[k]) this.reportUnknown(sheet, row.criteria[k]!, k, ambiguous[k]);
        continue;
      }
      const raw = cells[columns[k]!]!;
      const parsed = c.parse(raw);
      if (parsed.kind === 'invalid') {
        this.parse(c, raw, sheet, k); // reports it, unless blank
        continue;
      }
      answers[c.index] = parsed;
      respondents = 1;
    }
    return this.unitOf(sheet, respondents, answers);
  }

  /** One sheet's unit. Its one-element list of sources is the same for every unit of that file. */
  private unitOf(sheet: Sheet, respondents: number, answers: (CollectedAnswer | undefined)[]): UnitAnswers {
    if (this.lastSources?.[0] !== sheet.file) this.lastSources = Object.freeze([sheet.file]) as string[];
    return { unit: sheet.unit, sources: this.lastSources, line: sheet.line, date: sheet.date, assessor: sheet.assessor, respondents, answers };
  }

  /** What a wide row's header means, worked out once per header (its ids and asides are one per header). */
  private wideColumns(row: SheetRow): WideColumns {
    const ids = row.criteria;
    // Every row of a file has the same header: the last one is found without a WeakMap lookup.
    if (ids === this.lastIds) return this.lastColumns!;
    let columns = this.columnCache.get(ids);
    if (!columns) {
      // A form tool's export is headed by its questions' texts: matched to criteria by title or code.
      const matches = ids.map((id) => criterionOfHeader(this.rubric, id));
      const criteria = matches.map((m) => (m && 'criterion' in m ? m.criterion : undefined));
      const ambiguous = matches.map((m) => (m && 'ambiguous' in m ? m.ambiguous : undefined));
      const known = criteria.filter((c) => c !== undefined);
      // A survey's respondent details: a column that names no criterion, or one set aside with `_`.
      const profiled: (true | undefined)[] = [];
      const profile: { item: number; cell: number }[] = [];
      if (this.rubric.profile.length) {
        ids.forEach((id, k) => {
          const item = criteria[k] || ambiguous[k] ? -1 : profileItemOf(this.rubric, id);
          if (item < 0) return;
          profiled[k] = true;
          profile.push({ item, cell: row.columns[k]! });
        });
        row.asides?.names.forEach((name, k) => {
          const item = profileItemOf(this.rubric, name);
          if (item >= 0) profile.push({ item, cell: row.asides!.columns[k]! });
        });
      }
      const namesNone = known.length === 0 && ambiguous.every((a) => a === undefined);
      columns = { criteria, ambiguous, repeated: new Set(known).size !== known.length, profiled, profile, namesNone };
      this.columnCache.set(ids, columns);
    }
    this.lastIds = ids;
    this.lastColumns = columns;
    return columns;
  }

  /** Unknown criteria are reported once per file and id: a wrong column header is one mistake, not one per row. */
  private reportUnknown(sheet: Sheet, id: string, record: AnswerRecord | number, ambiguous?: readonly string[]): void {
    const key = `${sheet.file}\0${id}`;
    if (this.unknownReported.has(key)) return;
    this.unknownReported.add(key);
    if (ambiguous) {
      this.problems.push(problem('answer/ambiguous-column', { column: id, criteria: ambiguous }, namedAt(sheet, record)));
      return;
    }
    const meant = sheet.row ? columnMeant(id, sheet.row.criteria.map((c) => c.toLowerCase())) : undefined;
    // A wide CSV has no note column: notes, and what a form tool adds, stay in a column left out of the scoring.
    let aside = meant === 'note' || meant === 'evidence' ? 'notes' : meant === 'form' ? 'form' : undefined;
    const suggestion = aside || meant ? undefined : suggestCriterion(this.rubric, id);
    // A form's other questions (a respondent's age, a suggestions box) are no criterion either.
    if (sheet.row && !meant && !suggestion) aside = 'other';
    // Skipping is for those: a column close to a criterion id, or headed like the unit's id or
    // name, is most likely misnamed, and stays an error.
    if (aside && this.options.skipOtherColumns) return this.skip(sheet.file, id);
    const column = aside ? `_${id}` : meant;
    this.problems.push(problem('answer/unknown-criterion', { criterion: id, suggestion, column, aside }, namedAt(sheet, record)));
  }

  /** A column left unread (`skipOtherColumns`): one warning per file names them all, as a row's columns are all met before its problems are drained. */
  private skip(file: string, column: string): void {
    const columns = this.skipped.get(file);
    if (columns) columns.push(column);
    else {
      const listed = [column];
      this.skipped.set(file, listed);
      this.problems.push(problem('csv/columns-skipped', { columns: listed }, { file, severity: 'warning' }));
    }
  }

  /**
   * A visit date that names no day is shown as written in reports, and cannot be put in order
   * with the others: said once per text. (Most sheets of a round share a date: the last one read
   * is not looked at again.)
   */
  private checkDate(sheet: Sheet): void {
    const date = sheet.date;
    if (date === undefined || date === this.lastDate) return;
    this.lastDate = date;
    if (date.trim() === '' || parseDay(date) || this.unreadDates.has(date)) return;
    this.unreadDates.add(date);
    this.problems.push(problem('assessment/unread-date', { date }, { file: sheet.file, line: sheet.line, severity: 'warning' }));
  }

  /** Pools the sheet with earlier sheets of the same unit: respondents of a survey. */
  add(sheet: Sheet): void {
    this.checkDate(sheet);
    let unit = this.pooled.get(sheet.unit.id);
    if (!unit) {
      unit = { unit: { ...sheet.unit }, sources: new Set(), line: sheet.line, tallies: [] };
      this.pooled.set(sheet.unit.id, unit);
    } else {
      for (const key of ['name', 'type', 'region'] as const) unit.unit[key] ??= sheet.unit[key];
    }
    unit.sources.add(sheet.file);
    unit.date ??= sheet.date;
    unit.assessor ??= sheet.assessor;
    const pooled = unit;
    if (sheet.row && this.rubric.profile.length) countProfile(pooled, sheet.row, this.wideColumns(sheet.row).profile);
    this.eachAnswer(sheet, (c, record, value, note, evidence) => {
      const parsed = this.parse(c, value, sheet, record);
      if (parsed === undefined) return;
      const tally = (pooled.tallies[c.index] ??= { first: positionOf(sheet, record), fractionSum: 0, values: 0, na: 0, numericSum: 0, numericCount: 0, value: null, notes: undefined, evidence: undefined });
      if (parsed.fraction === null) tally.na++;
      else {
        tally.values++;
        tally.fractionSum += parsed.fraction;
        tally.value ??= parsed.value;
        if (parsed.mean !== null) {
          tally.numericSum += parsed.mean;
          tally.numericCount++;
        }
      }
      if (note) (tally.notes ??= []).push(note);
      if (evidence) (tally.evidence ??= []).push(evidence);
    });
  }

  /** The pooled units in the order they were first seen. */
  result(): UnitAnswers[] {
    return [...this.pooled.values()].map((u) => {
      const answers: (CollectedAnswer | undefined)[] = new Array(this.rubric.criterionList.length);
      let respondents = 0;
      u.tallies.forEach((t, i) => {
        if (!t) return;
        respondents = Math.max(respondents, t.values + t.na);
        const mean = t.numericCount > 0 ? t.numericSum / t.numericCount : null;
        answers[i] = {
          fraction: t.values === 0 ? null : t.fractionSum / t.values,
          value: t.values + t.na > 1 ? mean : t.value,
          responses: t.values,
          mean,
          note: t.notes?.join('; '),
          evidence: t.evidence?.join('; '),
        };
      });
      const profile = this.rubric.profile.length ? profileOf(this.rubric, u) : undefined;
      return { unit: u.unit, sources: [...u.sources], line: u.line, date: u.date, assessor: u.assessor, respondents, answers, ...(profile ? { profile } : {}) };
    });
  }

  /** Problems found since the last call. */
  drain(): readonly Problem[] {
    // Most units have none: no new list per unit then.
    if (this.problems.length === 0) return NO_PROBLEMS;
    const drained = this.problems;
    this.problems = [];
    return drained;
  }

  /** Calls `visit` for every known criterion answered in the sheet; unknown criteria are reported. */
  private eachAnswer(
    sheet: Sheet,
    visit: (c: CompiledCriterion, record: AnswerRecord | number, value: RawAnswer, note: string | undefined, evidence: string | undefined) => void,
  ): void {
    const row = sheet.row;
    if (row) {
      const { criteria, ambiguous, profiled } = this.wideColumns(row);
      for (let k = 0; k < criteria.length; k++) {
        const c = criteria[k];
        if (c !== undefined) visit(c, k, row.cells[row.columns[k]!]!, undefined, undefined);
        else if (!profiled[k]) this.reportUnknown(sheet, row.criteria[k]!, k, ambiguous[k]);
      }
      return;
    }
    const records = sheet.answers;
    const seenIds = this.idsAt;
    const seenCriteria = this.criteriaAt;
    for (let k = 0; k < records.length; k++) {
      const record = records[k]!;
      const id = record.criterion;
      // Files of a round list the criteria in the same order: the criterion at the same place in
      // the last sheet is checked first, which costs a string comparison instead of a hash.
      let c = seenIds[k] === id ? seenCriteria[k] : undefined;
      if (c === undefined) {
        c = this.rubric.criteria.get(id);
        if (c === undefined) {
          this.reportUnknown(sheet, id, record);
          continue;
        }
        seenIds[k] = id;
        seenCriteria[k] = c;
      }
      visit(c, record, record.value, record.note, record.evidence);
    }
  }

  /** The parsed answer, undefined for a blank (missing) answer or an invalid one (reported). */
  private parse(c: CompiledCriterion, value: RawAnswer, sheet: Sheet, record: AnswerRecord | number): CollectedAnswer | undefined {
    const parsed = c.parse(value);
    if (parsed.kind === 'invalid') {
      if (isBlank(value)) return undefined;
      this.problems.push(problem(parsed.naForbidden ? 'answer/na-forbidden' : 'answer/invalid', { criterion: c.id, value, spec: c.spec }, positionOf(sheet, record)));
      return undefined;
    }
    return parsed;
  }
}

/** Each profile item's answers, most given first (then as first met), with how many gave each. */
function profileOf(rubric: CompiledRubric, unit: PooledUnit): ProfileCount[] {
  return rubric.profile.map((item, i) => ({
    id: item.id,
    title: item.title,
    counts: [...(unit.profile?.[i]?.values() ?? [])].sort((a, b) => b.count - a.count).map(({ answer, count }) => ({ answer, count })),
  }));
}

/** Where an answer is: a record carries its position; a wide row's answer k is in its column. */
function positionOf(sheet: Sheet, record: AnswerRecord | number): Position {
  if (typeof record !== 'number') return { file: record.file, line: record.line, column: record.column };
  return { file: sheet.file, line: sheet.line, column: sheet.row!.columns[record]! + 1 };
}

/** Where a criterion is named: a wide row's in its file's header, where the column is named once for every row. */
function namedAt(sheet: Sheet, record: AnswerRecord | number): Position {
  if (typeof record !== 'number') return positionOf(sheet, record);
  return { file: sheet.file, line: sheet.row!.headerLine, column: sheet.row!.columns[record]! + 1 };
}

export function formatPosition(p: { file: string; line?: number | undefined; column?: number | undefined }): string {
  return [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
}
