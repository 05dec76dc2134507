import { parse, type Info } from 'csv-parse/sync';
import type { AnswerRecord, Sheet, UnitInfo } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';

/** Columns a long CSV may carry besides criterion/value; title and allowed come from templates. */
const LONG_COLUMNS = new Set(['criterion', 'value', 'unit', 'name', 'type', 'region', 'note', 'evidence', 'title', 'allowed', 'assessor', 'date', 'rubric']);
/** Columns of a wide CSV that describe the unit rather than answer a criterion. */
const WIDE_METADATA = new Set(['unit', 'name', 'type', 'region', 'assessor', 'date', 'rubric']);

/** Spreadsheets in Indonesian locales write ";"; form tools often write tabs. Sniffed from the header line. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

interface Row {
  cells: string[];
  line: number;
}

/** Reads a CSV assessment, long (criterion, value) or wide (a row per unit), into sheets. */
export function csvSheets(text: string, file: string, stem: string): Sheet[] {
  const rows = csvRows(text, file);
  const header = rows.shift();
  if (!header) return [];
  const names = header.cells.map((c) => c.trim());
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const where = { file, line: header.line, column: i + 1 };
    if (name === '') problems.push(problem('csv/empty-header', {}, where));
    else if (seen.has(name.toLowerCase())) problems.push(problem('csv/duplicate-column', { column: name }, where));
    seen.set(name.toLowerCase(), i);
  });
  if (problems.length) throw new MonevError(problems);
  const lower = names.map((n) => n.toLowerCase());
  const sheets = lower.includes('criterion') && lower.includes('value') ? longSheets(rows, lower, file, stem, header.line) : wideSheets(rows, names, file, stem);
  return sheets;
}

function csvRows(text: string, file: string): Row[] {
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number; column?: number };
    throw new MonevError([problem('csv/syntax', { message: e.message.replace(/ on line \d+$/, ''), reason: e.code }, { file, line: e.lines })]);
  }
  const rows: Row[] = [];
  let width: number | undefined;
  const problems: Problem[] = [];
  for (const { record, info } of records) {
    // Spreadsheets pad exports with rows of bare delimiters: those are blank, not data.
    if (record.every((cell) => cell === '')) continue;
    width ??= record.length;
    if (record.length !== width) {
      problems.push(problem('csv/ragged-row', { expected: width, got: record.length }, { file, line: info.lines }));
      continue;
    }
    rows.push({ cells: record, line: info.lines });
  }
  if (problems.length) throw new MonevError(problems);
  return rows;
}

function longSheets(rows: Row[], columns: string[], file: string, stem: string, headerLine: number): Sheet[] {
  const problems: Problem[] = [];
  columns.forEach((c, i) => {
    if (!LONG_COLUMNS.has(c) && !c.startsWith('_')) {
      problems.push(problem('csv/unknown-column', { column: c, allowed: [...LONG_COLUMNS] }, { file, line: headerLine, column: i + 1 }));
    }
  });
  if (problems.length) throw new MonevError(problems);
  const index = (name: string) => columns.indexOf(name);
  const col = { unit: index('unit'), criterion: index('criterion'), value: index('value'), note: index('note'), evidence: index('evidence') };
  const cell = (row: Row, name: string) => {
    const i = index(name);
    return i < 0 || row.cells[i] === '' ? undefined : row.cells[i];
  };
  const sheets = new Map<string, Sheet>();
  for (const row of rows) {
    const unitId = col.unit < 0 ? stem : row.cells[col.unit]!;
    if (unitId === '') {
      problems.push(problem('csv/missing-unit', {}, { file, line: row.line, column: col.unit + 1 }));
      continue;
    }
    let sheet = sheets.get(unitId);
    if (!sheet) {
      sheet = { unit: { id: unitId }, file, line: row.line, answers: [] };
      sheets.set(unitId, sheet);
    }
    for (const key of ['name', 'type', 'region'] as const) sheet.unit[key] ??= cell(row, key);
    sheet.rubric ??= cell(row, 'rubric');
    sheet.date ??= cell(row, 'date');
    sheet.assessor ??= cell(row, 'assessor');
    const criterion = row.cells[col.criterion]!;
    if (criterion === '') {
      problems.push(problem('csv/missing-criterion', {}, { file, line: row.line, column: col.criterion + 1 }));
      continue;
    }
    sheet.answers.push({
      criterion,
      value: row.cells[col.value]!,
      note: cell(row, 'note'),
      evidence: cell(row, 'evidence'),
      file,
      line: row.line,
      column: col.value + 1,
    });
  }
  if (problems.length) throw new MonevError(problems);
  return [...sheets.values()];
}

function wideSheets(rows: Row[], names: string[], file: string, stem: string): Sheet[] {
  const lower = names.map((n) => n.toLowerCase());
  const meta = (name: string) => lower.indexOf(name);
  const criterionColumns = names.map((n, i) => i).filter((i) => !WIDE_METADATA.has(lower[i]!) && !names[i]!.startsWith('_'));
  const problems: Problem[] = [];
  const sheets: Sheet[] = [];
  for (const row of rows) {
    const get = (name: string) => {
      const i = meta(name);
      return i < 0 || row.cells[i] === '' ? undefined : row.cells[i];
    };
    const unitColumn = meta('unit');
    const id = unitColumn < 0 ? stem : row.cells[unitColumn]!;
    if (id === '') {
      problems.push(problem('csv/missing-unit', {}, { file, line: row.line, column: unitColumn + 1 }));
      continue;
    }
    const unit: UnitInfo = { id, name: get('name'), type: get('type'), region: get('region') };
    const answers: AnswerRecord[] = criterionColumns.map((i) => ({
      criterion: names[i]!,
      value: row.cells[i]!,
      file,
      line: row.line,
      column: i + 1,
    }));
    sheets.push({ unit, rubric: get('rubric'), date: get('date'), assessor: get('assessor'), file, line: row.line, answers });
  }
  if (problems.length) throw new MonevError(problems);
  return sheets;
}
