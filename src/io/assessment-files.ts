import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { csvParseOptions, csvSheetBuilder, csvSyntaxProblem, sniffDelimiter } from './csv-sheets.js';
import { displayName, EXTENSIONS, STDIN, yamlSheets, type InputFormat } from './sheet-stream.js';

/** Companion files that live beside assessments but are not assessments. */
const isSkipped = (name: string) => name.startsWith('.') || name.endsWith('.test.yaml');

/**
 * Files named on the command line, folders read recursively, in a stable (sorted) order.
 * A named file must exist; a folder without any assessment file is an error, not an empty round.
 */
export function discoverInputs(paths: string[]): string[] {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      files.push(STDIN);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      problems.push(problem('input/not-found', {}, { file: path }));
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = walk(path);
    if (found.length === 0) problems.push(problem('input/empty-folder', { extensions: Object.keys(EXTENSIONS) }, { file: path }));
    files.push(...found);
  }
  if (problems.length) throw new MonevError(problems);
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (EXTENSIONS[extname(entry.name).toLowerCase()]) out.push(full);
  }
  return out;
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
      const records = parse(text, csvParseOptions(sniffDelimiter(text))) as unknown as { record: string[]; info: { lines: number } }[];
      for (const { record, info } of records) {
        const sheet = builder.row(record, info.lines);
        if (sheet) sheets.push(sheet);
      }
      sheets.push(...builder.end());
    } catch (error) {
      problems.push(csvSyntaxProblem(error, name));
    }
  }
  if (problems.length) throw new MonevError(problems);
  return sheets;
}
