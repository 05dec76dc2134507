import { extname } from 'node:path';

/** What a file's name says it holds: the formats assessments are read in, and the files of rounds and rubrics. */

export type InputFormat = 'csv' | 'yaml';
export const EXTENSIONS: Record<string, InputFormat> = { '.csv': 'csv', '.tsv': 'csv', '.yaml': 'yaml', '.yml': 'yaml' };

/** The format a file's extension names (case-blind), undefined for any other file. */
export function formatOfName(file: string): InputFormat | undefined {
  return EXTENSIONS[extname(file).toLowerCase()];
}

const WORKBOOKS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.numbers']);

/** A spreadsheet program's own file (not read: its sheets are to be saved as CSV). */
export function isWorkbook(file: string): boolean {
  return WORKBOOKS.has(extname(file).toLowerCase());
}

/** A rubric's companion test file (`x.test.yaml`): never an assessment, never a rubric itself. */
export function isRubricTestFile(file: string): boolean {
  return file.endsWith('.test.yaml');
}
