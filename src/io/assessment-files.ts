import { basename, extname } from 'node:path';
import type { Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { csvRecordsOf } from './csv-records.js';
import { csvSheetBuilder, csvSyntaxProblem } from './csv-sheets.js';
import { expandPaths } from './discover.js';
import { displayName, EXTENSIONS, formatOfName, STDIN, yamlSheets, type InputFormat } from './sheet-stream.js';

/**
 * Files named on the command line, folders read recursively (`*.csv`, `*.tsv`, `*.yaml`, `*.yml`;
 * not the `*.test.yaml` rubric tests that may live beside them). A folder without any assessment
 * file is an error, not an empty round.
 */
export function discoverInputs(paths: string[]): string[] {
  return expandPaths(paths, {
    accept: (name) => !name.endsWith('.test.yaml') && formatOfName(name) !== undefined,
    emptyFolder: (file) => problem('input/empty-folder', { extensions: Object.keys(EXTENSIONS) }, { file }),
    literal: (path) => path === STDIN,
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
