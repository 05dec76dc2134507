import { basename, extname } from 'node:path';
import { ASSESSMENT_KEYS, AssessmentSchema, type Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { schemaProblems } from '../core/schema-problems.js';
import type { CsvRecord, ReadShare } from './csv-records.js';
import { csvSheetBuilder, csvSyntaxProblem, type UnitColumn } from './csv-sheets.js';
import { EXTENSIONS, formatOfName, isWorkbook, type InputFormat } from './input-formats.js';
import { readText } from './read-text.js';
import { positioned } from './rubric-file.js';
import { parseYaml } from './yaml-source.js';

export const STDIN = '-';

/** The parse thread failed (a bug, not a problem of the input): never reported as the input's CSV syntax. */
export class ParseThreadError extends Error {}

export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

export function formatOf(file: string, stdinFormat?: InputFormat): InputFormat {
  if (file === STDIN) {
    if (!stdinFormat) throw new MonevError([problem('usage/stdin-format', {})]);
    return stdinFormat;
  }
  const format = formatOfName(file);
  if (!format) throw new MonevError([problem(isWorkbook(file) ? 'input/workbook' : 'input/unknown-extension', { extension: extname(file), extensions: Object.keys(EXTENSIONS) }, { file })]);
  return format;
}

/**
 * The sheets of one input, as they are read, in batches: a YAML file or a small CSV whole, a large
 * CSV as many rows as each read of the file gives. Batches keep the per-row cost of asynchronous
 * iteration off the hot path; wide CSV rows still stream. Problems go to `report`; reading goes on
 * where it can.
 */
export async function* sheetBatchesOf(file: string, report: (p: Problem) => void, options: { stdinFormat?: InputFormat; stdinText?: string; ahead?: AsyncIterable<CsvRecord[]>; onRead?: ReadShare; unitColumn?: UnitColumn } = {}): AsyncGenerator<Sheet[]> {
  const format = formatOf(file, options.stdinFormat);
  const name = displayName(file);
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  if (format === 'yaml') {
    const text = file === STDIN ? (options.stdinText ?? '') : readText(file);
    yield [...yamlSheets(text, name, stem, report)];
    return;
  }
  const builder = csvSheetBuilder(name, stem, report, options.unitColumn);
  const batches = (options.ahead ?? csvRecordBatchesHere(file, file === STDIN ? (options.stdinText ?? '') : undefined, options.onRead))[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<CsvRecord[]>;
    try {
      next = await batches.next();
    } catch (error) {
      // Reading problems are already problems; the parser's own errors are CSV syntax.
      if (error instanceof ParseThreadError) throw error;
      if (error instanceof MonevError) error.problems.forEach(report);
      else report(csvSyntaxProblem(error, name));
      return;
    }
    if (next.done) break;
    const sheets = builder.rows(next.value);
    if (sheets.length) yield sheets;
  }
  const rest = builder.end();
  if (rest.length) yield rest;
}

let csvRecords: typeof import('./csv-records.js') | undefined;

/** The record batches of a CSV input read on this thread (csv-parse is loaded on the first CSV input). */
async function* csvRecordBatchesHere(file: string, text: string | undefined, onRead: ReadShare | undefined): AsyncGenerator<CsvRecord[]> {
  // Loaded once, not awaited per file: a round may be ten thousand small files.
  yield* (csvRecords ??= await import('./csv-records.js')).csvRecordBatches(file, text, onRead);
}

/** A rubric's document: its `zones` and `groups` are keys no assessment has. */
function isRubricDocument(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'zones' in value && 'groups' in value;
}

export function* yamlSheets(text: string, file: string, stem: string, report: (p: Problem) => void): Generator<Sheet> {
  const { documents, problems } = parseYaml(text, file);
  problems.forEach(report);
  for (const doc of documents) {
    if (isRubricDocument(doc.value)) {
      // A rubric kept beside the assessments is not one of them; the round tells the one it uses from others.
      report(problem('input/rubric-in-round', {}, { file, line: doc.line, severity: 'warning' }));
      continue;
    }
    const parsed = AssessmentSchema.safeParse(doc.value);
    if (!parsed.success) {
      positioned(schemaProblems(parsed.error, doc.value, 'assessment', ASSESSMENT_KEYS), doc, file).forEach(report);
      continue;
    }
    const data = parsed.data;
    const id = data.unit?.id ?? (documents.length > 1 ? undefined : stem);
    if (id === undefined) {
      // Several documents in one file cannot all take the file's name.
      report(problem('assessment/missing-unit-id', {}, { file, ...doc.locate(['unit']) }));
      continue;
    }
    yield {
      unit: { id, name: data.unit?.name, type: data.unit?.type, region: data.unit?.region },
      rubric: data.rubric,
      date: data.date,
      assessor: data.assessor,
      file,
      line: doc.line,
      answers: Object.entries(data.answers).map(([criterion, answer]) => {
        const { line, column } = doc.locate(['answers', criterion], true);
        const full = answer !== null && typeof answer === 'object' ? answer : { value: answer };
        return { criterion, value: full.value, note: full.note, evidence: full.evidence, file, line, column };
      }),
    };
  }
}
