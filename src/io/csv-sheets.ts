import type { AnswerRecord, RowAsides, Sheet, SheetRow, UnitInfo } from '../core/assessment.js';
import { problem, type Problem } from '../core/problem.js';
import { microsoftFormsExport, withoutInvisible } from '../core/vocabulary.js';
import type { CsvRecord } from './csv-records.js';

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

/** csv-parse options shared by the streaming and in-memory readers (lines: see csv-records.ts). */
export function csvParseOptions(delimiter: string) {
  return { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true } as const;
}

/** Every kind of line break, CRLF first so that it is one break. */
const ANY_LINE_BREAK = ['\r\n', '\n', '\r'];

/**
 * The options for a text (or a streamed file's start). csv-parse takes the first line break it
 * meets as the only one: in a CRLF file with rows added under Linux (a bare LF), those rows would
 * run together into one record, and a header's line break would swallow the whole file. A text
 * with a CR in it is therefore split at every kind of break, as a spreadsheet splits it; a text
 * without one (most files, and the large ones) keeps the parser's quicker single break.
 */
export function csvParseOptionsFor(text: string) {
  const hinted = sepHint(text);
  const options = hinted === undefined ? csvParseOptions(sniffDelimiter(text)) : { ...csvParseOptions(hinted), from_line: 2 };
  return text.includes('\r') ? { ...options, record_delimiter: ANY_LINE_BREAK } : options;
}

/**
 * The delimiter a CSV names on its first line, `sep=;`, as exports made for Excel do (Excel reads
 * the line as the delimiter to use, and shows no row for it): that line is no record, and the
 * records start on line 2.
 */
export function sepHint(text: string): string | undefined {
  return /^\uFEFF?sep=([^\r\n])(?:\r\n|\n|\r|$)/i.exec(text)?.[1];
}

/** Where each known column is (-1: absent), and what the header makes of the file. */
interface HeaderLayout {
  names: string[];
  mode: 'long' | 'wide';
  unit: number;
  /** The column `--unit-column` names, when the header has it (-1: absent). */
  namedUnit: number;
  name: number;
  type: number;
  region: number;
  date: number;
  assessor: number;
  rubric: number;
  criterion: number;
  value: number;
  note: number;
  evidence: number;
  /** Wide: the columns that answer criteria, and their ids (one array per header, shared by its rows). */
  criterionColumns: number[];
  criterionIds: string[];
  /** Columns without a name (a spreadsheet's stray empty column): read only to check that they are empty. */
  unnamed: number[];
  /** Wide: the columns starting with `_`, which are not scored (a survey may count them: `profile`). */
  asides: RowAsides;
}

/**
 * Layouts of headers already seen, by header text: a round of one file per unit repeats one
 * header thousands of times. Only headers without problems are kept (a problem is reported with
 * the line of each file's own header). Bounded: a folder of unrelated exports does not grow it.
 */
const layouts = new Map<string, HeaderLayout>();
const LAYOUTS_KEPT = 64;

/**
 * `lower`: the names lower-cased, since column names are matched case-blind. `unitHeader`
 * (`--unit-column`, lower-cased): the header of the column that holds the unit, in place of `unit`
 * (a form's unit question, as exported).
 */
function layoutOf(names: string[], lower: string[], unitHeader: string | undefined): HeaderLayout {
  const columnOf = (name: string) => lower.indexOf(name);
  const mode = lower.includes('criterion') && lower.includes('value') ? 'long' : 'wide';
  const unnamed = names.map((_, i) => i).filter((i) => names[i] === '');
  const namedUnit = unitHeader === undefined ? -1 : columnOf(unitHeader);
  // A Microsoft Forms export's `Name` is the respondent's, not the unit's.
  const respondentName = mode === 'wide' && microsoftFormsExport(lower);
  const metadata = respondentName ? WIDE_METADATA.filter((m) => m !== 'name') : WIDE_METADATA;
  const criterionColumns = mode === 'wide' ? names.map((_, i) => i).filter((i) => names[i] !== '' && i !== namedUnit && !metadata.includes(lower[i]!) && !names[i]!.startsWith('_')) : [];
  return {
    names,
    mode,
    unit: namedUnit >= 0 ? namedUnit : columnOf('unit'),
    namedUnit,
    name: respondentName ? -1 : columnOf('name'),
    type: columnOf('type'),
    region: columnOf('region'),
    date: columnOf('date'),
    assessor: columnOf('assessor'),
    rubric: columnOf('rubric'),
    criterion: columnOf('criterion'),
    value: columnOf('value'),
    note: columnOf('note'),
    evidence: columnOf('evidence'),
    criterionColumns,
    criterionIds: criterionColumns.map((i) => names[i]!),
    unnamed,
    asides: asidesOf(mode === 'wide' ? names : []),
  };
}

function asidesOf(names: readonly string[]): RowAsides {
  const columns = names.map((_, i) => i).filter((i) => names[i]!.startsWith('_'));
  return { columns, names: columns.map((i) => names[i]!) };
}

/** A cell's text, undefined when the column is absent or the cell empty. */
const cellAt = (cells: readonly string[], i: number) => (i < 0 || cells[i] === '' ? undefined : cells[i]);

/** `--unit-column`: the header of the column that holds the unit; told whether a file has it, and if not, the file's headers. */
export interface UnitColumn {
  header: string;
  found(): void;
  absent(headers: readonly string[]): void;
}

/**
 * Turns CSV rows into sheets, one row at a time, so that a wide CSV of any size streams: each
 * wide row is a sheet as soon as it is read; a long CSV's sheets come at the end of the file.
 * Problems go to `report` and the reader carries on, so one run shows every bad row.
 */
export function csvSheetBuilder(file: string, stem: string, report: (p: Problem) => void, unitColumn?: UnitColumn) {
  const unitHeader = unitColumn?.header.trim().toLowerCase();
  let layout: HeaderLayout | undefined;
  let headerLine = 0;
  let broken = false;
  const longSheets = new Map<string, Sheet>();
  // A long CSV lists a unit's rows together: the last unit is found without hashing its id.
  let lastId: string | undefined;
  let lastSheet: Sheet | undefined;
  const at = (line: number, column?: number) => ({ file, line, column });

  function header(cells: string[], line: number): HeaderLayout {
    const key = `${unitHeader ?? ''}\u0001${cells.join('\0')}`;
    const known = layouts.get(key);
    if (known) return known;
    const names = cells.map((c) => withoutInvisible(c).trim());
    const lower = names.map((n) => n.toLowerCase());
    const found = layoutOf(names, lower, unitHeader);
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name === '') return;
      if (seen.has(lower[i]!)) {
        report(problem('csv/duplicate-column', { column: name }, at(line, i + 1)));
        broken = true;
      }
      seen.add(lower[i]!);
    });
    // Two columns for the unit: which one holds it is not for monev to guess.
    const unitToo = lower.indexOf('unit');
    if (found.namedUnit >= 0 && unitToo >= 0 && unitToo !== found.namedUnit) {
      report(problem('csv/two-unit-columns', { column: names[found.namedUnit] }, at(line, unitToo + 1)));
      broken = true;
    }
    if (found.mode === 'long') {
      names.forEach((name, i) => {
        if (name === '' || i === found.namedUnit || LONG_COLUMNS.includes(lower[i]!) || lower[i]!.startsWith('_')) return;
        report(problem('csv/unknown-column', { column: name, allowed: LONG_COLUMNS }, at(line, i + 1)));
        broken = true;
      });
    }
    if (!broken) {
      if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
      layouts.set(key, found);
    }
    return found;
  }

  /** Returns the wide row's sheet, or undefined (long rows, header, skipped or bad rows). */
  function row(cells: string[], line: number): Sheet | undefined {
    if (layout === undefined) {
      layout = header(cells, line);
      headerLine = line;
      if (layout.namedUnit >= 0) unitColumn!.found();
      else unitColumn?.absent(layout.names);
      return undefined;
    }
    // Spreadsheets pad exports with rows of bare delimiters: those are blank, not data.
    if (cells.every((cell) => cell === '')) return undefined;
    if (cells.length !== layout.names.length) {
      report(problem('csv/ragged-row', { expected: layout.names.length, got: cells.length, ...decimalCommaSplit(cells, layout.names.length) }, at(line)));
      return undefined;
    }
    if (broken) return undefined;
    if (layout.unnamed.length && !unnamedEmpty(cells, line, layout.unnamed)) return undefined;
    const id = layout.unit < 0 ? stem : cells[layout.unit]!;
    if (id === '') {
      report(problem('csv/missing-unit', {}, at(line, layout.unit + 1)));
      return undefined;
    }
    if (layout.mode === 'wide') {
      const unit: UnitInfo = { id, name: cellAt(cells, layout.name), type: cellAt(cells, layout.type), region: cellAt(cells, layout.region) };
      return new WideRowSheet(unit, cellAt(cells, layout.rubric), cellAt(cells, layout.date), cellAt(cells, layout.assessor), file, line, headerLine, cells, layout.criterionColumns, layout.criterionIds, layout.asides);
    }
    const criterion = cells[layout.criterion]!;
    if (criterion === '') {
      report(problem('csv/missing-criterion', {}, at(line, layout.criterion + 1)));
      return undefined;
    }
    let sheet = id === lastId ? lastSheet : longSheets.get(id);
    if (!sheet) {
      sheet = { unit: { id }, file, line, answers: [] };
      longSheets.set(id, sheet);
    }
    lastId = id;
    lastSheet = sheet;
    // The unit's details are taken from the first row that gives them.
    const unit = sheet.unit;
    unit.name ??= cellAt(cells, layout.name);
    unit.type ??= cellAt(cells, layout.type);
    unit.region ??= cellAt(cells, layout.region);
    sheet.rubric ??= cellAt(cells, layout.rubric);
    sheet.date ??= cellAt(cells, layout.date);
    sheet.assessor ??= cellAt(cells, layout.assessor);
    sheet.answers.push({ criterion, value: cells[layout.value]!, note: cellAt(cells, layout.note), evidence: cellAt(cells, layout.evidence), file, line, column: layout.value + 1 });
    return undefined;
  }

  /** An unnamed column may be there, empty; a value in it is an error, never dropped. */
  function unnamedEmpty(cells: readonly string[], line: number, unnamed: readonly number[]): boolean {
    let empty = true;
    for (const i of unnamed) {
      if (cells[i] === '') continue;
      report(problem('csv/unnamed-value', { value: cells[i] }, at(line, i + 1)));
      empty = false;
    }
    return empty;
  }

  /** The sheets of a batch of records (wide rows; long rows come at the end). */
  function rows(records: readonly CsvRecord[]): Sheet[] {
    const sheets: Sheet[] = [];
    for (const { record, line } of records) {
      const sheet = row(record, line);
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
class WideRowSheet implements Sheet, SheetRow {
  readonly rubric: string | undefined;
  readonly date: string | undefined;
  readonly assessor: string | undefined;

  constructor(
    /** Not readonly: a units list (`--units`) may name the unit the row means. */
    public unit: UnitInfo,
    rubric: string | undefined,
    date: string | undefined,
    assessor: string | undefined,
    readonly file: string,
    readonly line: number,
    readonly headerLine: number,
    readonly cells: readonly string[],
    readonly columns: readonly number[],
    readonly criteria: readonly string[],
    readonly asides: RowAsides,
  ) {
    this.rubric = rubric;
    this.date = date;
    this.assessor = assessor;
  }

  /** The row is the sheet itself: one object per row, not two. */
  get row(): SheetRow {
    return this;
  }

  get answers(): AnswerRecord[] {
    const { cells, columns, criteria } = this;
    return columns.map((i, k) => ({ criterion: criteria[k]!, value: cells[i]!, file: this.file, line: this.line, column: i + 1 }));
  }
}

/**
 * A row one cell too long with two cells of digits side by side: most likely a decimal comma
 * (`98,5`) in a comma-separated file, which splits the number in two. Names the number and where.
 */
function decimalCommaSplit(cells: readonly string[], expected: number): { number?: string; column?: number } {
  if (cells.length !== expected + 1) return {};
  const i = cells.findIndex((cell, k) => /^\s*-?\d+$/.test(cell) && /^\d+\s*$/.test(cells[k + 1] ?? ''));
  return i < 0 ? {} : { number: `${cells[i]!.trim()},${cells[i + 1]!.trim()}`, column: i + 1 };
}

export function csvSyntaxProblem(error: unknown, file: string): Problem {
  const e = error as Error & { code?: string; lines?: number };
  return problem('csv/syntax', { message: e.message.replace(/ on line \d+$/, ''), reason: e.code }, { file, line: e.lines });
}
