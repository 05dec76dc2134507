import { basename, extname } from 'node:path';
import type { Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { csvRecordsOf } from './csv-records.js';
import { csvSheetBuilder, csvSyntaxProblem } from './csv-sheets.js';
import { expandPaths } from './discover.js';
import { EXTENSIONS, formatOfName, isRubricTestFile, isWorkbook, type InputFormat } from './input-formats.js';
import { displayName, STDIN, yamlSheets } from './sheet-stream.js';

/**
 * Files named on the command line, folders read recursively (`*.csv`, `*.tsv`, `*.yaml`, `*.yml`;
 * not the `*.test.yaml` rubric tests that may live beside them). A folder without any assessment
 * file is an error, not an empty round. A spreadsheet workbook in a folder is not read, but not
 * passed over in silence either: `report` is told of it (a warning), since it most likely holds a
 * unit's answers saved in the wrong format.
 */
export function discoverInputs(paths: string[], report?: (p: Problem) => void): string[] {
  return expandPaths(paths, {
    accept: (name) => !isRubricTestFile(name) && formatOfName(name) !== undefined,
    emptyFolder: (file) => problem('input/empty-folder', { extensions: Object.keys(EXTENSIONS) }, { file }),
    literal: (path) => path === STDIN,
    passed: (file) => {
      if (isWorkbook(file)) report?.(problem('input/workbook-skipped', { extension: extname(file) }, { file, severity: 'warning' }));
    },
  });
}

/** All sheets of an input held in memory, or a MonevError with every problem found in it. */
export function readSheets(file: string, text: string, format: InputFormat): Sheet[] {
  const name = displayName(file);
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  const problems: Problem[] = [];
  const report = (p: Problem) => problems.push(p);
  const sheets: Sheet[] = [];
  if (format === 'yaml') sheets.push(...yamlSheets(text, name, stem, report));
  else {
    const builder = csvSheetBuilder(name, stem, report);
    try {
      sheets.push(...builder.rows(csvRecordsOf(text)), ...builder.end());
    } catch (error) {
      problems.push(csvSyntaxProblem(error, name));
    }
  }
  if (problems.length) throw new MonevError(problems);
  return sheets;
}
