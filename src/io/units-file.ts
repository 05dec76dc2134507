import type { UnitInfo } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { csvRecordsOf, type CsvRecord } from './csv-records.js';
import { csvSyntaxProblem } from './csv-sheets.js';
import { readText } from './read-text.js';

/** A list of units (columns `unit` or `id`, optional `name`, `type`, `region`) to prefill forms. */
export function readUnitsFile(file: string): UnitInfo[] {
  const text = readText(file);
  let records: CsvRecord[];
  try {
    records = csvRecordsOf(text);
  } catch (error) {
    throw new MonevError([csvSyntaxProblem(error, file)]);
  }
  const [header, ...rows] = records;
  if (!header) throw new MonevError([problem('input/no-units', {}, { file })]);
  const names = header.record.map((c) => c.trim().toLowerCase());
  const idColumn = names.includes('unit') ? names.indexOf('unit') : names.indexOf('id');
  if (idColumn < 0) throw new MonevError([problem('csv/missing-unit-column', {}, { file, line: header.line })]);
  const get = (row: string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 || !row[i] ? undefined : row[i];
  };
  const problems: Problem[] = [];
  const units: UnitInfo[] = [];
  for (const { record, line } of rows) {
    if (record.every((c) => c === '')) continue;
    const id = record[idColumn] ?? '';
    if (id === '') {
      problems.push(problem('csv/missing-unit', {}, { file, line, column: idColumn + 1 }));
      continue;
    }
    units.push({ id, name: get(record, 'name'), type: get(record, 'type'), region: get(record, 'region') });
  }
  if (problems.length) throw new MonevError(problems);
  if (units.length === 0) throw new MonevError([problem('input/no-units', {}, { file })]);
  return units;
}
