import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ASSESSMENT_KEYS, AssessmentSchema, type Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { schemaProblems } from '../core/schema-problems.js';
import { csvParseOptions, csvSheetBuilder, csvSyntaxProblem, sniffDelimiter } from './csv-sheets.js';
import { openInput, readText } from './read-text.js';
import { positioned } from './rubric-file.js';
import { parseYaml } from './yaml-source.js';

export type InputFormat = 'csv' | 'yaml';
export const STDIN = '-';
export const EXTENSIONS: Record<string, InputFormat> = { '.csv': 'csv', '.tsv': 'csv', '.yaml': 'yaml', '.yml': 'yaml' };

export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
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

/**
 * The sheets of one input, as they are read. Wide CSV rows stream one by one; YAML files and
 * long CSVs are small and come whole. Problems go to `report`; reading goes on where it can.
 */
export async function* sheetsOf(file: string, report: (p: Problem) => void, options: { stdinFormat?: InputFormat; stdinText?: string } = {}): AsyncGenerator<Sheet> {
  const format = formatOf(file, options.stdinFormat);
  const name = displayName(file);
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  if (format === 'yaml') {
    const text = file === STDIN ? (options.stdinText ?? '') : readText(file);
    yield* yamlSheets(text, name, stem, report);
    return;
  }
  const builder = csvSheetBuilder(name, stem, report);
  const records = csvRecords(file, file === STDIN ? (options.stdinText ?? '') : undefined)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<CsvRecord>;
    try {
      next = await records.next();
    } catch (error) {
      // Reading problems are already problems; the parser's own errors are CSV syntax.
      if (error instanceof MonevError) error.problems.forEach(report);
      else report(csvSyntaxProblem(error, name));
      return;
    }
    if (next.done) break;
    const sheet = builder.row(next.value.record, next.value.info.lines);
    if (sheet) yield sheet;
  }
  yield* builder.end();
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * The records of a CSV input: small files (one unit each, typically) are cheaper to read and
 * parse in one go; larger ones are streamed.
 */
async function* csvRecords(file: string, text: string | undefined): AsyncGenerator<CsvRecord> {
  const whole = text ?? openInput(file, STREAM_ABOVE).bytes?.toString('utf8');
  if (whole !== undefined) {
    const { parse } = await import('csv-parse/sync');
    yield* parse(whole, csvParseOptions(sniffDelimiter(whole))) as unknown as CsvRecord[];
    return;
  }
  const { parse } = await import('csv-parse');
  const source = createReadStream(file);
  try {
    yield* source.pipe(parse(csvParseOptions(sniffDelimiter(readHead(file))))) as AsyncIterable<CsvRecord>;
  } finally {
    source.destroy();
  }
}

/** Files up to this size are read whole; larger ones are streamed. */
export const STREAM_ABOVE = 1 << 20;

function readHead(file: string): string {
  const { size } = openInput(file, 0);
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, 65536));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function* yamlSheets(text: string, file: string, stem: string, report: (p: Problem) => void): Generator<Sheet> {
  const { documents, problems } = parseYaml(text, file);
  problems.forEach(report);
  for (const doc of documents) {
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
