import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ASSESSMENT_KEYS, AssessmentSchema, type Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { schemaProblems } from '../core/schema-problems.js';
import { csvSheets } from './csv-sheets.js';
import { readText } from './read-text.js';
import { positioned } from './rubric-file.js';
import { parseYaml } from './yaml-source.js';

export type InputFormat = 'csv' | 'yaml';
export const STDIN = '-';

const EXTENSIONS: Record<string, InputFormat> = { '.csv': 'csv', '.tsv': 'csv', '.yaml': 'yaml', '.yml': 'yaml' };

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

export function formatOf(file: string, stdinFormat?: InputFormat): InputFormat {
  if (file === STDIN) {
    if (!stdinFormat) throw new MonevError([problem('usage/stdin-format', {})]);
    return stdinFormat;
  }
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (!format) throw new MonevError([problem('input/unknown-extension', { extensions: Object.keys(EXTENSIONS) }, { file })]);
  return format;
}

/** All sheets of one input, or a MonevError with every problem found in it. */
export function readSheets(file: string, text: string, format: InputFormat): Sheet[] {
  const name = file === STDIN ? '<stdin>' : file;
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  return format === 'csv' ? csvSheets(text, name, stem) : yamlSheets(text, name, stem);
}

export function readInput(file: string, stdinFormat?: InputFormat, stdinText?: string): Sheet[] {
  const format = formatOf(file, stdinFormat);
  const text = file === STDIN ? (stdinText ?? '') : readText(file);
  return readSheets(file, text, format);
}

function yamlSheets(text: string, file: string, stem: string): Sheet[] {
  const { documents, problems } = parseYaml(text, file);
  const sheets: Sheet[] = [];
  for (const doc of documents) {
    const parsed = AssessmentSchema.safeParse(doc.value);
    if (!parsed.success) {
      problems.push(...positioned(schemaProblems(parsed.error, doc.value, 'assessment', ASSESSMENT_KEYS), doc, file));
      continue;
    }
    const data = parsed.data;
    const unitLine = doc.locate(['unit']);
    const id = data.unit?.id ?? (documents.length > 1 ? undefined : stem);
    if (id === undefined) {
      // Several documents in one file cannot all take the file's name.
      problems.push(problem('assessment/missing-unit-id', {}, { file, ...unitLine }));
      continue;
    }
    sheets.push({
      unit: { id, name: data.unit?.name, type: data.unit?.type, region: data.unit?.region },
      rubric: data.rubric,
      date: data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date,
      assessor: data.assessor,
      file,
      line: doc.line,
      answers: Object.entries(data.answers).map(([criterion, answer]) => {
        const { line, column } = doc.locate(['answers', criterion], true);
        const full = answer !== null && typeof answer === 'object' ? answer : { value: answer };
        return { criterion, value: full.value, note: full.note, evidence: full.evidence, file, line, column };
      }),
    });
  }
  if (problems.length) throw new MonevError(problems);
  return sheets;
}
