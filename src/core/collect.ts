import type { AnswerRecord, Sheet, UnitInfo } from './assessment.js';
import type { CompiledRubric } from './compile.js';
import { problem, type Problem } from './problem.js';
import { suggest } from './suggest.js';

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
  answers: Map<string, CollectedAnswer>;
}

interface Tally {
  first: AnswerRecord;
  fractionSum: number;
  values: number;
  na: number;
  numericSum: number;
  numericCount: number;
  value: string | number | boolean | null;
  notes: string[] | undefined;
  evidence: string[] | undefined;
}

interface UnitTally {
  unit: UnitInfo;
  sources: Set<string>;
  line?: number | undefined;
  date?: string | undefined;
  assessor?: string | undefined;
  tallies: Map<string, Tally>;
}

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Merges sheets into units, parsing every answer with the compiled rubric. Invalid answers,
 * unknown criteria and (unless the rubric averages) repeated answers are problems, never dropped.
 */
export class UnitCollector {
  readonly problems: Problem[] = [];
  private readonly units = new Map<string, UnitTally>();

  private readonly averaged: boolean;
  private readonly unknownReported: Set<string>;

  constructor(private readonly rubric: CompiledRubric) {
    this.averaged = rubric.aggregate === 'mean';
    this.unknownReported = new Set();
  }

  /** Pools the sheet with earlier sheets of the same unit (respondents, or a unit split over sheets). */
  add(sheet: Sheet): void {
    let tally = this.units.get(sheet.unit.id);
    if (!tally) {
      tally = newUnitTally(sheet);
      this.units.set(sheet.unit.id, tally);
    } else {
      for (const key of ['name', 'type', 'region'] as const) tally.unit[key] ??= sheet.unit[key];
    }
    tally.sources.add(sheet.file);
    tally.date ??= sheet.date;
    tally.assessor ??= sheet.assessor;
    for (const record of sheet.answers) this.addAnswer(tally, record);
  }

  private addAnswer(unit: UnitTally, record: AnswerRecord): void {
    const where = () => ({ file: record.file, line: record.line, column: record.column });
    const criterion = this.rubric.criteria.get(record.criterion);
    if (!criterion) {
      // Once per file and id: a wrong column header in a wide CSV is one mistake, not one per row.
      const key = `${record.file}\0${record.criterion}`;
      if (!this.unknownReported.has(key)) {
        this.unknownReported.add(key);
        this.problems.push(
          problem('answer/unknown-criterion', { criterion: record.criterion, suggestion: suggest(record.criterion, this.rubric.criteria.keys()) }, where()),
        );
      }
      return;
    }
    if (isBlank(record.value)) return;
    const parsed = criterion.parse(record.value);
    if (parsed.kind === 'invalid') {
      this.problems.push(
        problem(parsed.naForbidden ? 'answer/na-forbidden' : 'answer/invalid', { criterion: criterion.id, value: record.value, spec: criterion.spec }, where()),
      );
      return;
    }
    const existing = unit.tallies.get(criterion.id);
    if (existing && !this.averaged) {
      const first = existing.first;
      this.problems.push(
        problem('answer/duplicate', { criterion: criterion.id, unit: unit.unit.id, first: formatPosition(first) }, where()),
      );
      return;
    }
    const tally: Tally = existing ?? {
      first: record,
      fractionSum: 0,
      values: 0,
      na: 0,
      numericSum: 0,
      numericCount: 0,
      value: null,
      notes: undefined,
      evidence: undefined,
    };
    if (parsed.kind === 'na') tally.na++;
    else {
      tally.values++;
      tally.fractionSum += parsed.fraction;
      tally.value ??= parsed.value;
      if (parsed.numeric !== null) {
        tally.numericSum += parsed.numeric;
        tally.numericCount++;
      }
    }
    if (record.note) (tally.notes ??= []).push(record.note);
    if (record.evidence) (tally.evidence ??= []).push(record.evidence);
    unit.tallies.set(criterion.id, tally);
  }

  /** One sheet as a whole unit, not kept: the streaming path, where a unit's answers come from one sheet. */
  take(sheet: Sheet): UnitAnswers {
    const tally = newUnitTally(sheet);
    tally.sources.add(sheet.file);
    tally.date = sheet.date;
    tally.assessor = sheet.assessor;
    for (const record of sheet.answers) this.addAnswer(tally, record);
    return finish(tally);
  }

  /** Problems found since the last call. */
  drain(): Problem[] {
    return this.problems.splice(0);
  }

  /** The pooled units in the order they were first seen. */
  result(): UnitAnswers[] {
    return [...this.units.values()].map(finish);
  }
}

function newUnitTally(sheet: Sheet): UnitTally {
  return { unit: { ...sheet.unit }, sources: new Set(), line: sheet.line, tallies: new Map() };
}

function finish(u: UnitTally): UnitAnswers {
  {
      const answers = new Map<string, CollectedAnswer>();
      let respondents = 0;
      for (const [id, t] of u.tallies) {
        respondents = Math.max(respondents, t.values + t.na);
        const mean = t.numericCount > 0 ? t.numericSum / t.numericCount : null;
        const several = t.values + t.na > 1;
        answers.set(id, {
          fraction: t.values === 0 ? null : t.fractionSum / t.values,
          value: several ? mean : t.value,
          responses: t.values,
          mean,
          note: t.notes?.join('; '),
          evidence: t.evidence?.join('; '),
        });
      }
      return { unit: u.unit, sources: [...u.sources], line: u.line, date: u.date, assessor: u.assessor, respondents, answers };
  }
}

export function formatPosition(p: { file: string; line?: number | undefined; column?: number | undefined }): string {
  return [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
}
