/**
 * What the main thread and the parse thread (src/io/parse-ahead.ts, src/io/parse-worker.ts) say
 * to each other. Types, two indexes and the rule of how far ahead the thread runs: the thread's
 * bundle takes nothing else from here.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Problem } from '../core/problem.js';

/** Where in `control` each side counts messages: taken by the main thread, posted by the parse thread. */
export const TAKEN = 0;
export const POSTED = 1;

/**
 * Whether the thread, having posted `posted` messages of which `taken` are taken, must wait:
 * `cellsPosted[n]` is the cells of messages 1..n, so those in flight are the difference. One
 * message may always be in flight, however large. Counted in cells, not messages: a message of
 * 256 wide rows holds twenty times the cells of one of 256 long-CSV rows.
 */
export function tooFarAhead(cellsPosted: readonly number[], posted: number, taken: number, windowCells: number): boolean {
  return taken < posted - 1 && cellsPosted[posted]! - cellsPosted[taken]! > windowCells;
}

/** What the parse thread is given. `files` are [input index, path] in the order they are read. */
export interface AheadSetup {
  files: [number, string][];
  port: MessagePort;
  /** Two counters (Int32): messages taken [TAKEN] and posted [POSTED]. */
  control: SharedArrayBuffer;
  /** Cells the thread may have posted and the main thread not yet taken (one message more if it alone is larger). */
  windowCells: number;
  batchRecords: number;
}

/** One step of an input, as the parse thread posts it: records, its end, or why it stopped. */
export interface AheadItem {
  file: number;
  /** How many of the message's records are this input's, in order. */
  records?: number;
  /** For a streamed input, the share of the file read when these records were parsed (0 to 1). */
  read?: number;
  end?: true;
  problems?: Problem[];
  /** An error of csv-parse or of reading the file, as sheet-stream reports it (message, code, line). */
  error?: { message: string; code?: string; lines?: number };
}

/** What the thread posts at a time: steps of one input or more, and the records they hold. */
export interface AheadMessage {
  items: AheadItem[];
  records: string[][];
  /** The line each record ends on. */
  lines: number[];
}
