/**
 * The parse thread (built to dist/parse-worker.cjs): reads and parses, in order, the CSV inputs it
 * is given, and posts their records to the main thread, which scores them meanwhile. Only reading
 * and csv-parse run here; every rule about what records mean stays on the main thread.
 */
import { workerData } from 'node:worker_threads';
import { MonevError } from '../core/problem.js';
import { csvStreamedBatches, openCsvFile, type CsvRecord } from './csv-records.js';
import { POSTED, TAKEN, tooFarAhead, type AheadItem, type AheadMessage, type AheadSetup } from './parse-protocol.js';

const setup = workerData as AheadSetup;
const { files, port, windowCells, batchRecords } = setup;
/** Messages taken by the main thread and posted by this one: the thread runs at most `windowCells` cells ahead. */
const control = new Int32Array(setup.control);
let posted = 0;
/** The cells of messages 1..n posted, at [n]: those of messages not yet taken are the difference. */
const cellsPosted = [0];
let messageCells = 0;
let message = emptyMessage();

function emptyMessage(): AheadMessage {
  return { items: [], records: [], lines: [] };
}

/**
 * Posts what was gathered. Records travel as lists of cells with their lines beside them: a list
 * of {record, line} objects costs the receiving thread an object and two property names to look
 * up per record, which was most of what it saved by not parsing.
 */
function post(): void {
  if (!message.items.length) return;
  port.postMessage(message);
  message = emptyMessage();
  cellsPosted.push(cellsPosted[posted]! + messageCells);
  messageCells = 0;
  Atomics.store(control, POSTED, ++posted);
  Atomics.notify(control, POSTED);
  for (let taken = Atomics.load(control, TAKEN); tooFarAhead(cellsPosted, posted, taken, windowCells); taken = Atomics.load(control, TAKEN)) Atomics.wait(control, TAKEN, taken);
}

function add(item: AheadItem): void {
  message.items.push(item);
  if (message.lines.length >= batchRecords) post();
}

function addRecords(file: number, records: CsvRecord[], read?: number): void {
  for (let k = 0; k < records.length; k++) {
    message.records.push(records[k]!.record);
    message.lines.push(records[k]!.line);
    messageCells += records[k]!.record.length;
  }
  add(read === undefined ? { file, records: records.length } : { file, records: records.length, read });
}

async function readAll(): Promise<void> {
  for (const [file, path] of files) {
    try {
      // A small file is read and parsed here and now: no generator and no promise per file.
      const start = openCsvFile(path);
      if ('records' in start) addRecords(file, start.records);
      else {
        let read = 0;
        for await (const records of csvStreamedBatches(path, start, (share) => (read = share))) addRecords(file, records, read);
      }
      add({ file, end: true });
    } catch (error) {
      if (error instanceof MonevError) add({ file, problems: error.problems });
      else {
        const e = error as Error & { code?: unknown; lines?: unknown };
        add({ file, error: { message: String(e?.message ?? error), code: typeof e?.code === 'string' ? e.code : undefined, lines: typeof e?.lines === 'number' ? e.lines : undefined } });
      }
    }
  }
  post();
}

// A failure of the thread itself reaches the main thread as the worker's 'error' event.
void readAll();
