import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { basename, extname } from 'node:path';
import { ASSESSMENT_KEYS, AssessmentSchema, type Sheet } from '../core/assessment.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { schemaProblems } from '../core/schema-problems.js';
import type { CsvRecord } from './csv-records.js';
import { csvSheetBuilder, csvSyntaxProblem } from './csv-sheets.js';
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
 * The sheets of one input, as they are read, in batches: a YAML file or a small CSV whole, a large
 * CSV as many rows as each read of the file gives. Batches keep the per-row cost of asynchronous
 * iteration off the hot path; wide CSV rows still stream. Problems go to `report`; reading goes on
 * where it can.
 */
export async function* sheetBatchesOf(file: string, report: (p: Problem) => void, options: { stdinFormat?: InputFormat; stdinText?: string } = {}): AsyncGenerator<Sheet[]> {
  const format = formatOf(file, options.stdinFormat);
  const name = displayName(file);
  const stem = file === STDIN ? 'stdin' : basename(file, extname(file));
  if (format === 'yaml') {
    const text = file === STDIN ? (options.stdinText ?? '') : readText(file);
    yield [...yamlSheets(text, name, stem, report)];
    return;
  }
  const builder = csvSheetBuilder(name, stem, report);
  const batches = csvRecordBatches(file, file === STDIN ? (options.stdinText ?? '') : undefined)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<CsvRecord[]>;
    try {
      next = await batches.next();
    } catch (error) {
      // Reading problems are already problems; the parser's own errors are CSV syntax.
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

/**
 * The records of a CSV input in batches: small files (one unit each, typically) are parsed in one
 * go; larger ones are streamed, each batch being what the parser holds after a read.
 */
async function* csvRecordBatches(file: string, text: string | undefined): AsyncGenerator<CsvRecord[]> {
  const whole = text ?? openInput(file, STREAM_ABOVE).bytes?.toString('utf8');
  // Loaded once, not awaited per file: a round may be ten thousand small files.
  const { csvRecordsOf, csvRecordStream } = (csvRecords ??= await import('./csv-records.js'));
  if (whole !== undefined) {
    yield csvRecordsOf(whole);
    return;
  }
  const source = createReadStream(file);
  const parser = source.pipe(csvRecordStream(readHead(file)));
  // A read error of the file is not forwarded by pipe(): the parser must hear of it.
  source.on('error', (error) => parser.destroy(error));
  // The parser's error is read from `parser.errored`; a listener must be there at all times, or
  // an error raised while the consumer is busy between two reads would be thrown as uncaught.
  parser.on('error', () => {});
  try {
    yield* readableBatches<CsvRecord>(parser);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** What an object stream holds, batch by batch: one wait per read of the file instead of one per object. */
async function* readableBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  for (;;) {
    const batch: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
    if (batch.length) yield batch;
    else if (stream.errored) throw stream.errored;
    else if (stream.readableEnded || stream.destroyed) return;
    else await readableOrEnd(stream);
  }
}

function readableOrEnd(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      stream.off('readable', onReadable);
      stream.off('end', onReadable);
      stream.off('close', onReadable);
      stream.off('error', settle);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onReadable = () => settle();
    stream.on('readable', onReadable);
    stream.on('end', onReadable);
    stream.on('close', onReadable);
    stream.on('error', settle);
  });
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
