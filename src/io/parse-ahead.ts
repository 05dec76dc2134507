import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { MonevError, type Problem } from '../core/problem.js';
import type { CsvRecord, ReadShare } from './csv-records.js';
import { POSTED, TAKEN, type AheadItem, type AheadMessage, type AheadSetup } from './parse-protocol.js';
import { formatOfName } from './input-formats.js';
import { ParseThreadError, STDIN } from './sheet-stream.js';

export interface ParseAhead {
  /** The record batches of input `index`, or undefined when that input is read on this thread; `onRead` as for a file read here. */
  batches(index: number, onRead?: ReadShare): AsyncIterable<CsvRecord[]> | undefined;
  close(): Promise<void>;
}

/**
 * Messages of about `BATCH_RECORDS` records, and how far ahead the thread may run, in cells: what
 * a slow consumer (jsonl) lets the thread fill, serialized, outside this heap. Measured (B, 100,000
 * and 300,000 rows): 256-record messages gave 30 MB less peak RSS than 1,024-record ones, whose
 * records outlived young-generation collections on this side, and were no slower; 16 to 64 wide
 * messages in flight, all alike. The budget is 32 of those (63 cells a record); counted in
 * messages, it held the long-CSV files of case A (3 cells a record) to 128 files ahead, and each
 * side waited for the other 150-250 ms of a 1.6 s run: 512 messages ahead, A took 1552 ms against
 * 1635 (median of 9, interleaved).
 */
const WINDOW_CELLS = 32 * 256 * 63;
const BATCH_RECORDS = 256;

/** Atomics.waitAsync (Node 16 and later; TypeScript's library knows it from ES2024). */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<unknown> | string } }).waitAsync;

export const PARSE_WORKER = fileURLToPath(new URL('./parse-worker.cjs', import.meta.url));

/**
 * Below these a second thread costs more than it gives: it takes about 50 ms to start here, and
 * its csv-parse starts cold. Measured against `--threads 1` (min of 9): 500 long-CSV files 465
 * against 435 ms, 2,000 files 700 against 697; one wide CSV of 1.1 MB 460 against 396 ms, 2.8 MB
 * 562 against 523, 5.6 MB 785 against 797; 10,000 files and 28 MB: 15-20% faster.
 */
const THREAD_FROM_FILES = 3000;
const THREAD_FROM_BYTES = 8 << 20;
/** Files whose sizes are looked at to estimate a round's bytes (a stat costs a system call each). */
const SIZE_SAMPLE = 64;

/**
 * The CSV inputs worth handing to a parse thread, as [input index, path], or undefined when the
 * round is better read on this thread: one core, `threads` 1, a small round, or an installation
 * without the thread's script (the sources that tests run). `threads` 2 asks for the thread
 * whatever the round's size.
 */
export function parseThreadInputs(inputs: string[], threads: number | undefined, { worker = PARSE_WORKER, cores = availableParallelism() } = {}): [number, string][] | undefined {
  if ((threads ?? cores) < 2) return undefined;
  const files: [number, string][] = [];
  inputs.forEach((path, index) => {
    if (path !== STDIN && formatOfName(path) === 'csv') files.push([index, path]);
  });
  if (files.length === 0) return undefined;
  if (threads === undefined && files.length < THREAD_FROM_FILES && estimatedBytes(files) < THREAD_FROM_BYTES) return undefined;
  return existsSync(worker) ? files : undefined;
}

/** The round's CSV bytes, from the sizes of its first files. */
function estimatedBytes(files: [number, string][]): number {
  const sample = files.slice(0, SIZE_SAMPLE);
  let total = 0;
  for (const [, path] of sample) {
    try {
      total += statSync(path).size;
    } catch {
      // Unreadable inputs are reported when they are read.
    }
  }
  return (total / sample.length) * files.length;
}

/**
 * Reads and parses the given CSV inputs on a second thread while this one scores: records arrive
 * in input order, at most a few messages ahead of what was taken, so memory stays bounded however
 * slow the consumer is. Each input's records are read once, by the thread.
 */
export function parseAhead(files: [number, string][], worker = PARSE_WORKER): ParseAhead {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const { port1: port, port2: threadPort } = new MessageChannel();
  const setup: AheadSetup = { files, port: threadPort, control: control.buffer as SharedArrayBuffer, windowCells: WINDOW_CELLS, batchRecords: BATCH_RECORDS };
  const thread = new Worker(worker, { workerData: setup, transferList: [threadPort] });
  const ahead = new Set(files.map(([index]) => index));
  let current: AheadMessage = { items: [], records: [], lines: [] };
  let at = 0;
  /** The current message's next record. */
  let record = 0;
  let received = 0;
  let failure: Error | undefined;
  // A wait for the thread's next message ends when the thread stops too (notify wakes it).
  const stop = (error: Error) => {
    failure ??= error;
    Atomics.notify(control, POSTED);
  };
  thread.on('error', (error) => stop(new ParseThreadError(`the parse thread failed: ${error.message}`, { cause: error })));
  thread.on('exit', (code) => stop(new ParseThreadError(`the parse thread stopped (exit code ${code})`)));

  /**
   * The next message, pulled from the port when it is wanted rather than delivered as an event:
   * messages stay serialized (off this heap) until then, and a collection does not copy records
   * that wait their turn.
   */
  const nextMessage = async (): Promise<AheadMessage> => {
    // A turn of the event loop per message: signals (SIGTERM removes the temporary output),
    // timers and stream events would otherwise wait while the thread keeps up.
    await new Promise(setImmediate);
    for (;;) {
      const got = receiveMessageOnPort(port);
      if (got) {
        received++;
        // Taken: the thread may post another.
        Atomics.store(control, TAKEN, received);
        Atomics.notify(control, TAKEN);
        return got.message as AheadMessage;
      }
      if (failure) throw failure;
      // The thread counts a message after posting it: wait for the count to pass what was received.
      if (Atomics.load(control, POSTED) > received) continue;
      const wait = waitAsync(control, POSTED, received);
      if (wait.async) await wait.value;
    }
  };

  const nextItem = async (): Promise<AheadItem> => {
    while (at === current.items.length) {
      current = await nextMessage();
      at = record = 0;
    }
    return current.items[at++]!;
  };

  /** The next `count` records of the current message. */
  const takeRecords = (count: number): CsvRecord[] => {
    const records: CsvRecord[] = new Array(count);
    for (let k = 0; k < count; k++, record++) records[k] = { record: current.records[record]!, line: current.lines[record]! };
    return records;
  };

  async function* batchesOf(index: number, onRead: ReadShare | undefined): AsyncGenerator<CsvRecord[]> {
    for (;;) {
      const item = await nextItem();
      // Items of an input whose reading stopped early on this side are passed over.
      if (item.file < index) {
        if (item.records) takeRecords(item.records);
        continue;
      }
      if (item.file > index) throw new ParseThreadError(`the parse thread skipped input ${index}`);
      if (item.read !== undefined) onRead?.(item.read);
      if (item.records) yield takeRecords(item.records);
      if (item.problems) throw new MonevError(item.problems);
      if (item.error) throw Object.assign(new Error(item.error.message), { code: item.error.code, lines: item.error.lines });
      if (item.end) return;
    }
  }

  return {
    batches: (index, onRead) => (ahead.has(index) ? batchesOf(index, onRead) : undefined),
    async close() {
      thread.removeAllListeners('exit');
      port.close();
      await thread.terminate();
    },
  };
}
