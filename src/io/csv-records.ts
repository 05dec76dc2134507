import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { csvParseOptionsFor } from './csv-sheets.js';
import { openInput } from './read-text.js';
import { decodeHead, decodeInput, utf16Of, utf8Checker, type Utf16 } from './text-decoding.js';

/** A CSV record and the line it ends on, counted as csv-parse's `info.lines` counts. */
export interface CsvRecord {
  record: string[];
  line: number;
}

/**
 * The records of a CSV text held in memory. Lines are worked out from the text and the records
 * rather than asked of csv-parse (`info: true` builds two info objects per record: 60-80% of the
 * parse of a small file); a text the shortcut cannot follow is parsed again with `info: true`.
 */
export function csvRecordsOf(text: string): CsvRecord[] {
  const options = csvParseOptionsFor(text);
  const records = parse(text, options) as string[][];
  // Lines before `from_line` (Excel's `sep=;` line) are no records, yet lines.
  const skipped = 'from_line' in options ? options.from_line - 1 : 0;
  return withLines(text, records, skipped) ?? (parse(text, { ...options, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map(({ record, info }) => ({ record, line: info.lines }));
}

/**
 * Each record with the line it ends on, or undefined when the text has what csv-parse counts but
 * the records do not show: a blank line before a record (skipped, yet counted), or line ends of
 * two kinds (a lone CR, or a bare LF in a CRLF text), left to the parser's own count. Otherwise
 * each record takes one line plus the line breaks inside its quoted cells, every CR and every LF
 * there counting one (so a CRLF inside quotes counts two, as csv-parse counts it). `skipped`: the
 * lines before the first record that are none (Excel's `sep=;` line).
 */
export function withLines(text: string, records: string[][], skipped = 0): CsvRecord[] | undefined {
  if ((text.includes('\r') && MIXED_BREAKS.test(text)) || BLANK_LINE.test(withoutFinalBreaks(text))) return undefined;
  const quoted = text.includes('"');
  const lined: CsvRecord[] = new Array(records.length);
  let line = skipped;
  for (let k = 0; k < records.length; k++) {
    const record = records[k]!;
    line++;
    if (quoted) for (const cell of record) line += breaksIn(cell);
    lined[k] = { record, line };
  }
  return lined;
}

const MIXED_BREAKS = /\r(?!\n)|(?<!\r)\n/;
/** A line of nothing but whitespace (the parser trims, then skips it), at the start or after a line break. */
const BLANK_LINE = /(?:^|\n)[^\S\r\n]*\r?\n/;

/**
 * Blank lines after the last record change no record's line; only line breaks are dropped, since a
 * last line of spaces with no break after it is a record to the parser.
 */
function withoutFinalBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return text.slice(0, end);
}

function breaksIn(cell: string): number {
  let breaks = 0;
  for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) breaks++;
  for (let at = cell.indexOf('\r'); at >= 0; at = cell.indexOf('\r', at + 1)) breaks++;
  return breaks;
}

/**
 * A streaming parser whose records come with their line. csv-parse pushes each record the moment
 * it ends, with its public `info` then up to date: the line is read there, instead of an info
 * object built per record (`info: true`).
 */
export function csvRecordStream(head: string): Parser {
  const parser = new Parser(csvParseOptionsFor(head));
  const push = parser.push.bind(parser);
  parser.push = (record: string[] | null) => push(record === null ? null : ({ record, line: parser.info.lines } satisfies CsvRecord));
  return parser;
}

/** Files up to this size are read whole; larger ones are streamed. */
export const STREAM_ABOVE = 1 << 20;

/** Told, with each batch of a streamed file, the share of the file read so far (0 to 1): for a progress line. */
export type ReadShare = (share: number) => void;

/**
 * The records of a CSV input in batches: small files (one unit each, typically) are parsed in one
 * go; larger ones are streamed, each batch being what the parser holds after a read.
 */
export async function* csvRecordBatches(file: string, text?: string, onRead?: ReadShare): AsyncGenerator<CsvRecord[]> {
  const start = text === undefined ? openCsvFile(file) : { records: csvRecordsOf(text) };
  if ('records' in start) yield start.records;
  else yield* csvStreamedBatches(file, start, onRead);
}

/**
 * A CSV file opened: its records when it has at most STREAM_ABOVE bytes (read whole), else the
 * text of its start, which tells the delimiter of the rest, to be streamed.
 */
export function openCsvFile(file: string): { records: CsvRecord[] } | StreamedStart {
  const { bytes, whole, size } = openInput(file, STREAM_ABOVE);
  return whole ? { records: csvRecordsOf(decodeInput(bytes, file)) } : { head: decodeHead(bytes, file), utf16: utf16Of(bytes), size };
}

/** What the start of a file to be streamed tells: the text of its start, its UTF-16 encoding if it has one, and its size. */
export interface StreamedStart {
  head: string;
  utf16: Utf16 | undefined;
  size: number;
}

/**
 * A large CSV file's records, streamed: each batch is what the parser holds after a read. `head`:
 * the text of its start; `utf16`: the encoding its BOM declares, if UTF-16 (decoded to UTF-8 on
 * the way), else its UTF-8 is checked as it passes. `onRead` hears, before each batch, how much of
 * the file (by its size when opened) has been read.
 */
export async function* csvStreamedBatches(file: string, { head, utf16, size }: StreamedStart, onRead?: ReadShare): AsyncGenerator<CsvRecord[]> {
  const source = createReadStream(file);
  const parser = (utf16 ? source.pipe(utf16ToUtf8(utf16)) : source).pipe(csvRecordStream(head));
  // A read error of the file is not forwarded by pipe(): the parser must hear of it.
  source.on('error', (error) => parser.destroy(error));
  if (!utf16) {
    const checker = utf8Checker(file);
    const checked = (check: () => void) => {
      try {
        check();
      } catch (error) {
        parser.destroy(error as Error);
        source.destroy();
      }
    };
    // No encoding was set on the file's stream: its chunks are Buffers.
    source.on('data', (chunk: Buffer | string) => checked(() => checker.chunk(chunk as Buffer)));
    source.on('end', () => checked(() => checker.end()));
  }
  // The parser's error is read from `parser.errored`; a listener must be there at all times, or
  // an error raised while the consumer is busy between two reads would be thrown as uncaught.
  parser.on('error', () => {});
  try {
    for await (const batch of readableBatches<CsvRecord>(parser)) {
      onRead?.(size > 0 ? Math.min(1, source.bytesRead / size) : 0);
      yield batch;
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

function utf16ToUtf8(encoding: Utf16): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode()));
    },
  });
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
