import { extname } from 'node:path';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { unitsOfList, type ListedUnit } from '../core/units-list.js';
import { csvRecordsOf, type CsvRecord } from './csv-records.js';
import { csvSyntaxProblem } from './csv-sheets.js';
import { isWorkbook } from './input-formats.js';
import { readText } from './read-text.js';

/**
 * A list of units to prefill forms (columns `unit`, `id` or `kode`, and `name`/`nama`, `type`,
 * `region`; see unitsOfList). Returns the units and the warnings; errors are thrown.
 */
export function readUnitsFile(file: string): { units: ListedUnit[]; warnings: Problem[] } {
  // An office's list is most often kept in Excel: said as for an assessment, not read as text.
  if (isWorkbook(file)) throw new MonevError([problem('input/workbook', { extension: extname(file), list: true }, { file })]);
  const text = readText(file);
  let records: CsvRecord[];
  try {
    records = csvRecordsOf(text);
  } catch (error) {
    throw new MonevError([csvSyntaxProblem(error, file)]);
  }
  const [header, ...rows] = records;
  if (!header) throw new MonevError([problem('units/empty', {}, { file })]);
  const { units, problems } = unitsOfList(header.record, rows, file, header.line);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new MonevError(problems);
  if (units.length === 0) throw new MonevError([problem('units/empty', {}, { file })]);
  return { units, warnings: problems };
}
