import type { AnswerRecord, Sheet, SheetRow, UnitInfo } from '../core/assessment.js';
import { problem, type Problem } from '../core/problem.js';

/** Columns a long CSV may carry besides criterion/value; title and allowed come from templates. */
export const LONG_COLUMNS = ['unit', 'name', 'type', 'region', 'date', 'assessor', 'rubric', 'criterion', 'title', 'allowed', 'value', 'note', 'evidence'];
/** Columns of a wide CSV that describe the unit rather than answer a criterion. */
export const WIDE_METADATA = ['unit', 'name', 'type', 'region', 'assessor', 'date', 'rubric'];

/** Spreadsheets in Indonesian locales write ";"; form tools often write tabs. Sniffed from the header line. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** A record as csv-parse gives it with `info: true`: the cells, and the line it ends on. */
export type CsvRecord = { record: string[]; info: { lines: number } };

/** csv-parse options shared by the streaming and in-memory readers. */
export function csvParseOptions(delimiter: string) {
  return { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;
}

/**
 * Turns CSV rows into sheets, one row at a time, so that a wide CSV of any size streams: each
 * wide row is a sheet as soon as it is read; a long CSV's sheets come at the end of the file.
 * Problems go to `report` and the reader carries on, so one run shows every bad row.
 */
export function csvSheetBuilder(file: string, stem: string, report: (p: Problem) => void) {
  let names: string[] | undefined;
  let lower: string[] = [];
  let mode: 'long' | 'wide' = 'wide';
  let criterionColumns: number[] = [];
  let criterionIds: string[] = [];
  let broken = false;
  // Where each known column is (-1: absent), looked up once per file rather than once per row.
  let column: Record<string, number> = {};
  const index = (name: string) => column[name] ?? -1;
  const longSheets = new Map<string, Sheet>();
  const at = (line: number, column?: number) => ({ file, line, column });

  function header(cells: string[], line: number): void {
    names = cells.map((c) => c.trim());
    lower = names.map((n) => n.toLowerCase());
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name === '') {
        report(problem('csv/empty-header', {}, at(line, i + 1)));
        broken = true;
      } else if (seen.has(lower[i]!)) {
        report(problem('csv/duplicate-column', { column: name }, at(line, i + 1)));
        broken = true;
      }
      seen.add(lower[i]!);
    });
    column = Object.fromEntries(LONG_COLUMNS.map((name) => [name, lower.indexOf(name)]));
    mode = lower.includes('criterion') && lower.includes('value') ? 'long' : 'wide';
    if (mode === 'long') {
      lower.forEach((c, i) => {
        if (!LONG_COLUMNS.includes(c) && !c.startsWith('_')) {
          report(problem('csv/unknown-column', { column: names![i], allowed: LONG_COLUMNS }, at(line, i + 1)));
          broken = true;
        }
      });
    } else {
      criterionColumns = names.map((_, i) => i).filter((i) => !WIDE_METADATA.includes(lower[i]!) && !names![i]!.startsWith('_'));
      criterionIds = criterionColumns.map((i) => names![i]!);
    }
  }

  const cellOf = (cells: string[], name: string) => {
    const i = index(name);
    return i < 0 || cells[i] === '' ? undefined : cells[i];
  };

  /** Returns the wide row's sheet, or undefined (long rows, header, skipped or bad rows). */
  function row(cells: string[], line: number): Sheet | undefined {
    if (names === undefined) {
      header(cells, line);
      return undefined;
    }
    // Spreadsheets pad exports with rows of bare delimiters: those are blank, not data.
    if (cells.every((cell) => cell === '')) return undefined;
    if (cells.length !== names.length) {
      report(problem('csv/ragged-row', { expected: names.length, got: cells.length }, at(line)));
      return undefined;
    }
    if (broken) return undefined;
    const unitColumn = index('unit');
    const id = unitColumn < 0 ? stem : cells[unitColumn]!;
    if (id === '') {
      report(problem('csv/missing-unit', {}, at(line, unitColumn + 1)));
      return undefined;
    }
    const meta = { rubric: cellOf(cells, 'rubric'), date: cellOf(cells, 'date'), assessor: cellOf(cells, 'assessor') };
    const unit: UnitInfo = { id, name: cellOf(cells, 'name'), type: cellOf(cells, 'type'), region: cellOf(cells, 'region') };
    if (mode === 'wide') return new WideRowSheet(unit, meta, file, line, { cells, columns: criterionColumns, criteria: criterionIds });
    const criterionColumn = index('criterion');
    const criterion = cells[criterionColumn]!;
    if (criterion === '') {
      report(problem('csv/missing-criterion', {}, at(line, criterionColumn + 1)));
      return undefined;
    }
    let sheet = longSheets.get(id);
    if (!sheet) {
      sheet = { unit: { id }, file, line, answers: [] };
      longSheets.set(id, sheet);
    }
    for (const key of ['name', 'type', 'region'] as const) sheet.unit[key] ??= unit[key];
    sheet.rubric ??= meta.rubric;
    sheet.date ??= meta.date;
    sheet.assessor ??= meta.assessor;
    const valueColumn = index('value');
    sheet.answers.push({ criterion, value: cells[valueColumn]!, note: cellOf(cells, 'note'), evidence: cellOf(cells, 'evidence'), file, line, column: valueColumn + 1 });
    return undefined;
  }

  /** The sheets of a batch of records (wide rows; long rows come at the end). */
  function rows(records: readonly CsvRecord[]): Sheet[] {
    const sheets: Sheet[] = [];
    for (const { record, info } of records) {
      const sheet = row(record, info.lines);
      if (sheet) sheets.push(sheet);
    }
    return sheets;
  }

  /** The long CSV's sheets, once the whole file is read. */
  function end(): Sheet[] {
    return [...longSheets.values()];
  }

  return { rows, end };
}

/**
 * A wide row as a sheet: its answers are read straight from the cells (`row`), and only built as
 * records when asked for. A class, not a literal with a getter: a getter closure per row gives
 * every row its own hidden class, which keeps rows alive through garbage collections.
 */
class WideRowSheet implements Sheet {
  readonly rubric: string | undefined;
  readonly date: string | undefined;
  readonly assessor: string | undefined;

  constructor(
    readonly unit: UnitInfo,
    meta: { rubric: string | undefined; date: string | undefined; assessor: string | undefined },
    readonly file: string,
    readonly line: number,
    readonly row: SheetRow,
  ) {
    this.rubric = meta.rubric;
    this.date = meta.date;
    this.assessor = meta.assessor;
  }

  get answers(): AnswerRecord[] {
    const { cells, columns, criteria } = this.row;
    return columns.map((i, k) => ({ criterion: criteria[k]!, value: cells[i]!, file: this.file, line: this.line, column: i + 1 }));
  }
}

export function csvSyntaxProblem(error: unknown, file: string): Problem {
  const e = error as Error & { code?: string; lines?: number };
  return problem('csv/syntax', { message: e.message.replace(/ on line \d+$/, ''), reason: e.code }, { file, line: e.lines });
}
